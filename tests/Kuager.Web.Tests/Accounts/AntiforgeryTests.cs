using System.Net;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Events;

namespace Kuager.Web.Tests.Accounts;

/// <summary>Every form carries an antiforgery token, and a POST without one is refused.</summary>
public sealed class AntiforgeryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_post_without_the_token_is_refused(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);
        var form = await WebForm.LoadAsync(app, "/sources/new", editor);
        form.Set("Input.Title", "Forged");
        var forged = form.Fields.Where(f => f.Key != "__RequestVerificationToken").ToList();

        var refused = await editor.PostAsync("/sources/new", new FormUrlEncodedContent(forged));
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{(int)refused.StatusCode} {refused.Headers.Location}");
        // Another site's page cannot know the token; a token of another session does not fit this one's cookie.
        var other = await WebForm.LoadAsync(app, "/sources/new", (await app.SignedInAsync(Role.Editor)).Client);
        var mixed = forged.Append(new("__RequestVerificationToken", other["__RequestVerificationToken"]!)).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/sources/new", new FormUrlEncodedContent(mixed))).StatusCode);
        // The sign-in form too: a login forged from elsewhere is refused.
        var login = app.BrowserClient();
        Assert.Equal(HttpStatusCode.BadRequest,
            (await login.PostAsync("/account/login", new FormUrlEncodedContent([new("UserName", "x"), new("Password", "y")]))).StatusCode);
        Assert.DoesNotContain("Forged", (await app.PageAsync("/sources")).Body!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_post_form_on_the_main_pages_carries_the_token(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var source = await app.Store.CreateAsync(Build.Source("A report"), "test");
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);
        var pages = new[]
        {
            "/", "/persons", $"/persons/{person.Id}", "/persons/new", $"/persons/{person.Id}/edit", "/events", "/events/new", "/cases", "/cases/new",
            "/testimonies", "/testimonies/new", "/sources", $"/sources/{source.Id}", "/sources/new", $"/sources/{source.Id}/edit", "/places", "/places/new",
            "/organizations", "/organizations/new", "/search?q=Testova", "/account/logout",
        };

        var forms = 0;
        foreach (var url in pages)
        {
            foreach (var form in (await app.PageAsync(url, editor)).QuerySelectorAll("form"))
            {
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                forms++;
                Assert.True(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value") is { Length: > 20 },
                    $"a form on {url} (action {form.GetAttribute("action")}) has no antiforgery token");
            }
        }

        var login = (await app.PageAsync("/account/login", app.BrowserClient())).QuerySelector("main form[method=post]");
        Assert.NotNull(login?.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.True(forms >= pages.Length, $"only {forms} forms were found on {pages.Length} pages");
    }
}
