using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Kuager.Web.Tests.Places;

/// <summary>
/// A form as a browser without script sees it: loaded with GET (which sets the antiforgery cookie), then posted
/// with every field as rendered and some changed. Shared by the place, organisation and source tests.
/// </summary>
internal sealed class RecordForm
{
    private readonly HttpClient _client;
    private readonly string _action;

    private RecordForm(HttpClient client, string action, List<KeyValuePair<string, string>> fields)
    {
        _client = client;
        _action = action;
        Fields = fields;
    }

    public List<KeyValuePair<string, string>> Fields { get; }

    public static async Task<RecordForm> LoadAsync(KuagerApp app, string url, HttpClient? client = null)
    {
        client ??= app.Client;
        var page = await app.PageAsync(url, client);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form.stack").Single();
        var fields = Read(form);
        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken");
        var action = form.GetAttribute("action");
        return new RecordForm(client, string.IsNullOrEmpty(action) ? url : action, fields);
    }

    public string? this[string name] => Fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>Posts the form with some fields changed; expects a redirect to the saved record's page.</summary>
    public async Task<string> SaveAsync(params (string Name, string Value)[] changes)
    {
        var response = await PostAsync(changes);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {_action}: {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 3000)]}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts the form with some fields changed; expects the form shown again (errors or a conflict).</summary>
    public async Task<IDocument> RefusedAsync(params (string Name, string Value)[] changes)
    {
        var response = await PostAsync(changes);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {_action}: {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 3000)]}");
        return new HtmlParser().ParseDocument(body);
    }

    public Task<HttpResponseMessage> PostAsync(params (string Name, string Value)[] changes)
    {
        var fields = Fields.ToList();
        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return _client.PostAsync(_action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The error shown beside a field: the validation span for that field name.</summary>
    public static string ErrorBeside(IDocument page, string name) =>
        page.QuerySelector($"span.field-error[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";

    /// <summary>The value a field shows after the page came back.</summary>
    public static string? Value(IDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlSelectElement select => (select.Options.FirstOrDefault(o => o.HasAttribute("selected")) ?? (select.Options.Length > 0 ? select.Options[0] : null))?.GetAttribute("value"),
        IHtmlTextAreaElement area => area.TextContent.TrimStart('\r', '\n'),
        IElement e => e.GetAttribute("value"),
        null => null,
    };

    /// <summary>Posts a page's undo button for one revision.</summary>
    public static async Task<HttpResponseMessage> UndoAsync(KuagerApp app, string pageUrl, long revisionId)
    {
        var page = await app.PageAsync(pageUrl);
        var form = page.QuerySelectorAll<IHtmlFormElement>("section.history form")
            .Single(f => f.QuerySelector("input[name=revision]")?.GetAttribute("value") == revisionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await app.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(Read(form)));
    }

    private static List<KeyValuePair<string, string>> Read(IHtmlFormElement form)
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
                    var option = select.Options.FirstOrDefault(o => o.HasAttribute("selected")) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    fields.Add(new(name, option?.GetAttribute("value") ?? option?.TextContent ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.TextContent.TrimStart('\r', '\n')));
                    break;
            }
        }

        return fields;
    }
}
