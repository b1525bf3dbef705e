using Kuager.Storage;
using Kuager.Storage.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

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
