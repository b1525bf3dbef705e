using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Kuager.Web.Tests.Events;

/// <summary>
/// A page's form, submitted as a browser without script would: GET the page (which sets the antiforgery cookie), read
/// every field as rendered, change some, POST. Used by the event, case and testimony tests.
/// </summary>
internal sealed class WebForm
{
    private WebForm(string url, IHtmlDocument page, IHtmlFormElement form)
    {
        Url = url;
        Page = page;
        Fields = Read(form);
    }

    public string Url { get; }

    public IHtmlDocument Page { get; }

    public List<KeyValuePair<string, string>> Fields { get; }

    public static async Task<WebForm> LoadAsync(KuagerApp app, string url, HttpClient? client = null)
    {
        var page = await app.PageAsync(url, client);
        var form = page.QuerySelector("main form[method=post]") as IHtmlFormElement;
        Assert.NotNull(form);
        return new WebForm(url, page, form);
    }

    /// <summary>The form of a page a POST answered with, to submit it again.</summary>
    public static WebForm FromPage(string url, IHtmlDocument page)
    {
        var form = page.QuerySelector("main form[method=post]") as IHtmlFormElement;
        Assert.NotNull(form);
        return new WebForm(url, page, form);
    }

    public string? this[string name] => Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    public WebForm Set(string name, string value)
    {
        var at = Fields.FindIndex(f => f.Key == name);
        Assert.True(at >= 0, $"the form at {Url} has no field {name}");
        Fields[at] = new(name, value);
        return this;
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        Assert.Contains(Fields, f => f.Key == "__RequestVerificationToken");
        return client.PostAsync(Url, new FormUrlEncodedContent(Fields));
    }

    /// <summary>Posts as multipart/form-data, with files in the field named <paramref name="fileField"/>.</summary>
    public Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string fileField, params (string FileName, string MediaType, byte[] Bytes)[] files)
    {
        Assert.Contains(Fields, f => f.Key == "__RequestVerificationToken");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (fileName, mediaType, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            content.Add(file, fileField, fileName);
        }

        return client.PostAsync(Url, content);
    }

    /// <summary>The page a POST answered with when it did not redirect: the form again, with its messages.</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return new HtmlParser().ParseDocument(body);
    }

    /// <summary>The record id a successful save redirected to (/events/12?saved=1 → 12).</summary>
    public static long RedirectedId(HttpResponseMessage response, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(prefix, location);
        return long.Parse(location[prefix.Length..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string ErrorBeside(IDocument page, string name) =>
        page.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";

    public static string? Value(IDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlTextAreaElement t => t.Value,
        IHtmlSelectElement s => s.Value,
        IHtmlInputElement i => i.Value,
        _ => null,
    };

    /// <summary>Presses the Undo button of one revision on a record's page.</summary>
    public static async Task<HttpResponseMessage> UndoAsync(KuagerApp app, string pageUrl, long revisionId)
    {
        var page = await app.PageAsync(pageUrl);
        var form = page.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector($"input[name=revision][value='{revisionId}']") is not null);
        var fields = Read(form);
        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken");
        return await app.Client.PostAsync(form.GetAttribute("action") ?? pageUrl, new FormUrlEncodedContent(fields));
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
                case IHtmlInputElement input when input.Type is "file" or "submit" or "button":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        return fields;
    }
}
