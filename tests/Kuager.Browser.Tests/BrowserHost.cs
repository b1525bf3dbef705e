using System.Text.RegularExpressions;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Web;
using Kuager.Web.Tests.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>
/// The app on a real port over a fresh database, and Debian's Chromium driven by Playwright (its own browser
/// download cannot run here). Screenshots go to TestResults/screenshots for people to look at.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;

    private BrowserHost(TestDatabase db, WebApplication app, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        Db = db;
        _app = app;
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public TestDatabase Db { get; }

    public IBrowser Browser { get; }

    public string BaseUrl { get; }

    public static string ScreenshotDirectory { get; } =
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    public static async Task<BrowserHost> StartAsync(Provider provider = Provider.Sqlite)
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run the tests with scripts/test, which installs Debian's chromium.");
        }

        var db = await TestDatabase.CreateAsync(provider);
        var app = Kuager.Web.KuagerWeb.Build(["--urls", "http://127.0.0.1:0"], db.Database);
        await app.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserHost(db, app, playwright, browser, app.Urls.Single());
    }

    /// <summary>A new browser context: its own cookies, like a second person at another desk.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale ?? "en-GB", ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>The password of every user the browser tests make (real hashes, checked by the real sign-in).</summary>
    public const string Password = "a long enough passphrase";

    /// <summary>
    /// A new browser context signed in through the login page as a new user of this role. Editors and admins enrol
    /// an authenticator on the way, with the code computed from the key the page shows, as a phone would.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(Role role = Role.Editor, string? locale = null)
    {
        var name = await AddUserAsync(role);
        var page = await NewPageAsync(locale);
        await SignInAsync(page, name, Password);
        return page;
    }

    /// <summary>A user with a real password hash; returns the user name.</summary>
    public async Task<string> AddUserAsync(Role role)
    {
        var name = $"{WireCode.Of(role)}-{Guid.NewGuid():N}"[..24];
        await Users.AddAsync(Db.Database, name, role, UserPasswords.Hash(name, Password), "test");
        return name;
    }

    /// <summary>Signs in on the login page; enrols an authenticator when the site asks. Returns the authenticator key, if one was enrolled.</summary>
    public static async Task<string?> SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#user-name").FillAsync(name);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
        string? key = null;
        if (page.Url.Contains("/account/setup-two-factor", StringComparison.Ordinal))
        {
            key = (await page.Locator(".secret-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
            await page.Locator("#code").FillAsync(Totp.Code(key));
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        }

        await Expect(page.Locator(".account-name")).ToHaveTextAsync(name);
        return key;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Db.DisposeAsync();
    }
}
