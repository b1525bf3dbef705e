using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Kuager.Web.Charts;

/// <summary>The words a chart shows, already in the reader's language (the charts themselves know no localizer).</summary>
/// <param name="Title">The chart's title: its SVG &lt;title&gt;, aria-label and table caption.</param>
/// <param name="CategoryHeader">The table's first column ("Status", "Month").</param>
/// <param name="ValueHeader">The table's number column ("People").</param>
/// <param name="NoData">Shown instead of bars or a line when there is nothing to draw.</param>
/// <param name="ShowTable">The summary of the &lt;details&gt; that holds the table.</param>
public sealed record ChartText(string Title, string CategoryHeader, string ValueHeader, string NoData, string ShowTable)
{
    /// <summary>Written instead of a small count that must not be shown exactly ("fewer than 5").</summary>
    public string FewerThanFive { get; init; } = "< 5";
}

/// <summary>One bar: a labelled category and its value; <paramref name="FewerThanFive"/> hides the value (no bar is drawn for it).</summary>
public sealed record Bar(string Label, double Value, bool FewerThanFive = false);

/// <summary>One point of a line over months; <paramref name="FewerThanFive"/> hides the value (no exact point is drawn for it).</summary>
public sealed record MonthValue(int Year, int Month, double Value, bool FewerThanFive = false);

/// <summary>A chart as markup: the SVG for the eye, and the same numbers as a table for screen readers and copying.</summary>
public sealed record RenderedChart(string Svg, string Table)
{
    /// <summary>Both, in a figure: the picture, then the table in a closed &lt;details class="chart-table"&gt;.</summary>
    public IHtmlContent Html => new HtmlString($"<figure class=\"chart\">{Svg}{Table}</figure>");
}

/// <summary>What both charts share: escaping, invariant coordinates, culture-formatted numbers, the table view.</summary>
internal static class ChartMarkup
{
    /// <summary>Escapes text for XML and HTML alike (a name can contain &lt; &amp; " or ').</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                // Control characters are not allowed in XML 1.0; a damaged name must not break the page.
                _ when char.IsControl(c) && c is not '\t' and not '\n' and not '\r' => sb.Append(' '),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>SVG coordinates are always written with a dot, whatever the reader's language.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value as the reader writes numbers: whole numbers without decimals, others with up to two.</summary>
    public static string Format(double value, CultureInfo culture) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? value.ToString("N0", culture) : value.ToString("#,0.##", culture);

    /// <summary>Shortens a label for the picture; the full text stays in its tooltip and the table.</summary>
    public static string Shorten(string label, int max) => label.Length <= max ? label : string.Concat(label.AsSpan(0, max - 1), "…");

    public static string Open(ChartText text, double width, double height, string kind)
    {
        var title = Escape(text.Title);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-{kind}\" viewBox=\"0 0 {N(width)} {N(height)}\" " +
            $"width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"{title}\" preserveAspectRatio=\"xMinYMin meet\">" +
            $"<title>{title}</title>";
    }

    public static string NoData(ChartText text, string kind)
    {
        const double width = 640, height = 120;
        return Open(text, width, height, kind) +
            $"<rect x=\"0.5\" y=\"0.5\" width=\"{N(width - 1)}\" height=\"{N(height - 1)}\" fill=\"#ffffff\" stroke=\"#d4d9e0\"/>" +
            $"<text x=\"{N(width / 2)}\" y=\"{N(height / 2)}\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"16\" fill=\"#4a5563\">{Escape(text.NoData)}</text></svg>";
    }

    /// <summary>A value as shown: the reader's number, or "fewer than 5" for a hidden small count.</summary>
    public static string Shown(ChartText text, double value, bool fewerThanFive, CultureInfo culture) =>
        fewerThanFive ? text.FewerThanFive : Format(value, culture);

    public static string Table(ChartText text, IEnumerable<(string Label, double Value, bool FewerThanFive)> rows, CultureInfo culture)
    {
        var sb = new StringBuilder();
        sb.Append("<details class=\"chart-table\"><summary>").Append(Escape(text.ShowTable)).Append("</summary><table><caption>")
            .Append(Escape(text.Title)).Append("</caption><thead><tr><th scope=\"col\">").Append(Escape(text.CategoryHeader))
            .Append("</th><th scope=\"col\" class=\"num\">").Append(Escape(text.ValueHeader)).Append("</th></tr></thead><tbody>");
        var any = false;
        foreach (var (label, value, fewerThanFive) in rows)
        {
            any = true;
            sb.Append("<tr><th scope=\"row\" dir=\"auto\">").Append(Escape(label)).Append("</th><td class=\"num\">")
                .Append(Escape(Shown(text, value, fewerThanFive, culture))).Append("</td></tr>");
        }

        if (!any)
        {
            sb.Append("<tr><td colspan=\"2\">").Append(Escape(text.NoData)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></details>");
        return sb.ToString();
    }
}
