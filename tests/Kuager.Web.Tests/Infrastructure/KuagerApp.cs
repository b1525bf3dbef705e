using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kuager.Web.Tests;

/// <summary>
/// The web app over a fresh database of its own (SQLite file or a database on the test PostgreSQL), hosted in
/// memory with WebApplicationFactory. Intent methods keep tests about what a user does, not how.
/// </summary>
public sealed class KuagerApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private readonly Dictionary<Role, string> _tokens = [];

    private KuagerApp(TestDatabase db, WebApplicationFactory<Program> factory)
    {
        Db = db;
        _factory = factory;
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Https });
    }

    /// <summary>An API token of a user with this role (one user per role, made on first use).</summary>
    public async Task<string> TokenAsync(Role role)
    {
        if (!_tokens.TryGetValue(role, out var token))
        {
            var name = $"test-{WireCode.Of(role)}";
            await Users.AddAsync(Store.Database, name, role, "!", "test");
            token = (await ApiTokens.CreateAsync(Store.Database, name, TimeSpan.FromHours(1), "tests", "test")).Token;
            _tokens[role] = token;
        }

        return token;
    }

    /// <summary>A new client signed in with a token of this role; <see cref="Role.Visitor"/> gives an anonymous client.</summary>
    public async Task<HttpClient> ClientAsync(Role role)
    {
        var client = NewClient();
        if (role != Role.Visitor)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(role));
        }

        return client;
    }

    public TestDatabase Db { get; }

    public RecordStore Store => Db.Store;

    public HttpClient Client { get; }

    /// <summary>The app's services, e.g. its endpoints for tests that walk every route.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>Clients speak https, as browsers must for the app's Secure cookies (sign-in, antiforgery) to be sent back.</summary>
    private static readonly Uri Https = new("https://localhost/");

    public static async Task<KuagerApp> StartAsync(Provider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting(KuagerWeb.DatabaseKey, db.Value);
            b.UseSetting(KuagerWeb.KeyFileKey, db.Database.KeyFile);
            b.UseEnvironment("Production");
        });
        var app = new KuagerApp(db, factory);

        // Most tests are about what an editor does: the default client is an admin's, signed in with a token.
        app.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenAsync(Role.Admin));
        return app;
    }

    /// <summary>A new client with its own cookies: a second browser, for conflicting edits.</summary>
    public HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Https });

    public Task<Person> AddPersonAsync(string name = "Aigerim Testova", string? externalId = null) =>
        Store.CreateAsync(Build.Person(name, externalId), "test");

    /// <summary>GETs a page, asserts 200 and HTML, and parses it.</summary>
    public async Task<IHtmlDocument> PageAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? Client).GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        return new HtmlParser().ParseDocument(body);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Db.DisposeAsync();
    }
}
