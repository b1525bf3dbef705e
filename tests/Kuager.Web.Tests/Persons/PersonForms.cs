using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Kuager.Web.Tests.Persons;

/// <summary>Submits a page's form as a browser without script would: every field as rendered, some changed.</summary>
internal static class PersonForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IHtmlFormElement form, IReadOnlyDictionary<string, string>? changes = null)
    {
        var fields = Fields(form);
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken");
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, new FormUrlEncodedContent(fields));
    }

    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" || (input.Type is "checkbox" or "radio" && !input.IsChecked):
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var option = Chosen(select);
                    fields.Add(new(name, option?.GetAttribute("value") ?? option?.TextContent ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.TextContent.TrimStart('\r', '\n')));
                    break;
            }
        }

        return fields;
    }

    /// <summary>The value a field shows: an input's value, a select's selected option, a textarea's text.</summary>
    public static string? Value(IDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlSelectElement select => Chosen(select)?.GetAttribute("value"),
        IHtmlTextAreaElement area => area.TextContent.TrimStart('\r', '\n'),
        IElement e => e.GetAttribute("value"),
        null => null,
    };

    private static IHtmlOptionElement? Chosen(IHtmlSelectElement select) =>
        select.Options.FirstOrDefault(o => o.HasAttribute("selected")) ?? (select.Options.Length > 0 ? select.Options[0] : null);
}
