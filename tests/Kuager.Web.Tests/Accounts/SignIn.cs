using System.Net;
using AngleSharp.Html.Parser;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Tests.Events;

namespace Kuager.Web.Tests.Accounts;

/// <summary>
/// Signing in as a person does, through the pages: a real user with a real password hash, the login form, and
/// the authenticator step with codes computed by <see cref="Totp"/>. Clients talk https to the in-memory server,
/// as the sign-in cookie is Secure and a cookie jar keeps Secure cookies off plain http.
/// </summary>
public static class SignIn
{
    public const string Password = "a long enough passphrase";

    public static Task<UserAccount> AddUserAsync(this KuagerApp app, string name, Role role, string password = Password) =>
        Users.AddAsync(app.Store.Database, name, role, UserPasswords.Hash(name, password), "test");

    /// <summary>A client with its own cookie jar, as one browser.</summary>
    public static HttpClient BrowserClient(this KuagerApp app)
    {
        var client = app.NewClient();
        client.BaseAddress = new Uri("https://localhost/");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(this KuagerApp app, HttpClient client, string name, string password, string? returnUrl = null)
    {
        var form = await WebForm.LoadAsync(app, "/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), client);
        return await form.Set("UserName", name).Set("Password", password).PostAsync(client);
    }

    /// <summary>The enrolment page after a correct password: its secret key, read as a person copies it.</summary>
    public static async Task<string> SecretKeyAsync(this KuagerApp app, HttpClient client)
    {
        var page = await app.PageAsync("/account/setup-two-factor", client);
        return page.QuerySelector(".secret-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>Posts a code to a page's form (enrolment or the second step).</summary>
    public static async Task<HttpResponseMessage> PostCodeAsync(this KuagerApp app, HttpClient client, string url, string code)
    {
        var form = await WebForm.LoadAsync(app, url, client);
        return await form.Set("Code", code).PostAsync(client);
    }

    /// <summary>A new client signed in as a new user of this role (admins and editors enrol an authenticator first).</summary>
    public static async Task<(HttpClient Client, string UserName, string? Key)> SignedInAsync(this KuagerApp app, Role role, string? name = null)
    {
        name ??= $"{WireCode.Of(role)}-{Guid.NewGuid():N}"[..20];
        await app.AddUserAsync(name, role);
        var client = app.BrowserClient();
        var login = await app.PostLoginAsync(client, name, Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        string? key = null;
        if (login.Headers.Location!.OriginalString.StartsWith("/account/setup-two-factor", StringComparison.Ordinal))
        {
            key = await app.SecretKeyAsync(client);
            var enrolled = await app.PostCodeAsync(client, "/account/setup-two-factor", Totp.Code(key));
            var body = await enrolled.Content.ReadAsStringAsync();
            Assert.True(enrolled.StatusCode == HttpStatusCode.OK, body);
            Assert.NotEmpty(new HtmlParser().ParseDocument(body).QuerySelectorAll(".recovery-codes li"));
        }

        return (client, name, key);
    }
}
