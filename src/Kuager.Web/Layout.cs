using System.Text;
using System.Text.Encodings.Web;

namespace Kuager.Web;

/// <summary>The page frame: local styles only (the app must work offline), every value HTML-encoded.</summary>
internal static class Layout
{
    public static string H(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static string Page(string title, string body)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(H(title)).Append(" · Kuager</title><style>").Append(Css).Append("</style></head><body>");
        sb.Append("<header><a class=\"brand\" href=\"/\">Kuager</a><nav><a href=\"/\">Dashboard</a><a href=\"/persons\">People</a></nav></header><main>");
        sb.Append("<h1>").Append(H(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return sb.ToString();
    }

    private const string Css =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}" +
        "header{background:#1f3a5f;color:#fff;padding:.6rem 1.2rem;display:flex;gap:2rem;align-items:center}" +
        "header a{color:#fff;text-decoration:none;margin-right:1rem}.brand{font-weight:700;font-size:1.2rem}" +
        "main{max-width:72rem;margin:1.5rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%;background:#fff}" +
        "th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #d9dde3}th{background:#eef1f5}" +
        ".cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#fff;border:1px solid #d9dde3;border-radius:6px;padding:1rem;min-width:9rem}" +
        ".card b{display:block;font-size:1.6rem}.note{color:#4a5563}a{color:#1f4f8f}[dir=rtl]{font-family:'Noto Naskh Arabic','Noto Sans Arabic',serif}";
}
