using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web.Tests.Events;

namespace Kuager.Web.Tests.Accounts;

/// <summary>Who may write: editors and admins; everyone may read. Pages send visitors to sign in; the API answers 401/403.</summary>
public sealed class AuthorizationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edit_pages_send_visitors_to_sign_in_and_refuse_researchers(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        // A public person: visitors may read it (New/Edit stay an editor's).
        var person = await app.Store.CreateAsync(Build.Person() with { Confidentiality = Confidentiality.Public }, "test");
        var visitor = app.BrowserClient();
        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);

        foreach (var url in new[] { "/persons/new", $"/persons/{person.Id}/edit", "/events/new", "/cases/new", "/testimonies/new", "/sources/new", "/places/new", "/organizations/new" })
        {
            var anonymous = await visitor.GetAsync(url);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Redirect, $"GET {url} as a visitor: {(int)anonymous.StatusCode}");
            Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath);
            Assert.Contains("returnUrl=" + Uri.EscapeDataString(url), anonymous.Headers.Location.Query);

            var denied = await researcher.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Equal("/account/denied", denied.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await researcher.GetAsync(denied.Headers.Location)).StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/persons/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/persons")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Posting_a_form_or_an_undo_needs_an_editor(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var person = await app.AddPersonAsync();
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);
        var (researcher, _, _) = await app.SignedInAsync(Role.Researcher);
        var form = await WebForm.LoadAsync(app, "/sources/new", editor);
        form.Set("Input.Title", "A report");

        // A visitor's POST (even with a valid token from someone's page) goes to sign in; nothing is saved.
        var visitor = app.BrowserClient();
        var anonymous = await visitor.PostAsync("/sources/new", new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath);

        var forbidden = await researcher.PostAsync("/sources/new", new FormUrlEncodedContent(form.Fields));
        Assert.Equal("/account/denied", forbidden.Headers.Location!.AbsolutePath);

        // Details pages are open to read, but their POST handlers (undo) are edits.
        var undo = await visitor.PostAsync($"/persons/{person.Id}?handler=undo", new FormUrlEncodedContent([new("revisionId", "1")]));
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal("/account/login", undo.Headers.Location!.AbsolutePath);
        var researcherUndo = await researcher.PostAsync($"/persons/{person.Id}?handler=undo", new FormUrlEncodedContent([new("revisionId", "1")]));
        Assert.Equal("/account/denied", researcherUndo.Headers.Location!.AbsolutePath);

        var saved = await form.PostAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/sources/", saved.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_writes_need_an_editors_token(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var body = new { kind = "news", title = "A report" };

        var anonymous = await (await app.ClientAsync(Role.Visitor)).PostAsJsonAsync("/api/v1/sources", body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(Role.Researcher)).PostAsJsonAsync("/api/v1/sources", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await app.ClientAsync(Role.Editor)).PostAsJsonAsync("/api/v1/sources", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync(Role.Visitor)).GetAsync("/api/v1/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync(Role.Visitor)).DeleteAsync("/api/v1/sources/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await app.ClientAsync(Role.Visitor)).PostAsync("/api/v1/revisions/1/undo", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_signed_in_cookie_cannot_write_to_the_api(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (editor, _, _) = await app.SignedInAsync(Role.Editor);

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/sources")).StatusCode);
        var write = await editor.PostAsJsonAsync("/api/v1/sources", new { kind = "news", title = "Through the cookie" });
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expired_revoked_and_unknown_tokens_are_refused(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.AddUserAsync("ed", Role.Editor);
        var db = app.Store.Database;
        var revoked = await ApiTokens.CreateAsync(db, "ed", TimeSpan.FromHours(1), "soon revoked", "test");
        Assert.True(await ApiTokens.RevokeAsync(db, revoked.Id, "test"));
        var expired = await ApiTokens.CreateAsync(db, "ed", TimeSpan.FromHours(1), "expired", "test");
        await using (var connection = await db.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE api_tokens SET expires_at = @past WHERE id = @id",
                new { past = Clock.Stamp(DateTimeOffset.UtcNow.AddMinutes(-1)), id = expired.Id });
        }

        foreach (var token in new[] { revoked.Token, expired.Token, "kgr_not-a-token", "nonsense" })
        {
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/sources", new { kind = "news", title = "x" })).StatusCode);
            // Refused for reading too, not taken for an anonymous visitor.
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/sources")).StatusCode);
        }
    }
}
