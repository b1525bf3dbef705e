using System.Text.Json;
using System.Text.RegularExpressions;
using Kuager.Storage;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>
/// Walks the main pages over the demo records, in English and Kazakh, at desk and phone width: each is saved as a
/// screenshot for people to look at, and checked for what a screenshot shows at a glance (a text key where a
/// translation is missing, a page wider than the window).
/// </summary>
public sealed class PageReviewTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    // The elements that stick out of the window while their parent does not: where an overflow starts.
    private const string Overflowing = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && e.parentElement.getBoundingClientRect().right <= innerWidth + 1)
            .slice(0, 4)
            .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().width) + 'px')
            .join(', ')
        """;

    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task The_main_pages_show_no_text_keys_and_fit_the_window()
    {
        await DemoData.SeedIfEmptyAsync(Host.Db.Database);
        var page = await Host.SignedInPageAsync();
        var problems = new List<string>();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
        await CheckAsync(page, "dashboard", problems);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Kuager" }).GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Aigerim Demobayeva");
        await CheckAsync(page, "persons", problems);

        await page.GetByRole(AriaRole.Link, new() { Name = "Aigerim Demobayeva" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Status over time" })).ToBeVisibleAsync();
        await CheckAsync(page, "person", problems);
        var person = page.Url;

        await Registry.Section(page, "Events").GetByRole(AriaRole.Link, new() { Name = "Detained" }).ClickAsync();
        await Expect(page.Locator("q.date-words")).ToHaveTextAsync("in spring 2017");
        await CheckAsync(page, "event", problems);

        await page.GotoAsync(person);
        await Registry.Section(page, "Testimonies").GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/testimonies/\d+$"));
        await CheckAsync(page, "testimony", problems);

        foreach (var (link, name) in new[] { ("Events", "events"), ("Cases", "cases"), ("Testimonies", "testimonies"), ("Sources", "sources"), ("Places", "places"), ("Organisations", "organizations") })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Kuager" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(link);
            await CheckAsync(page, name, problems);
        }

        // A form sent back with its messages.
        await page.GotoAsync("/persons/new");
        await page.GetByLabel("Birth date", new() { Exact = true }).FillAsync("when the apricots were ripe");
        await Registry.SaveAsync(page);
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(page.Locator(".field-error").Filter(new() { HasTextRegex = new Regex(".") }).First).ToBeVisibleAsync();
        await CheckAsync(page, "person-form-errors", problems);

        // The same pages in Kazakh, where a missing translation would show its key.
        await page.GotoAsync(person + "?culture=kk");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await CheckAsync(page, "person-kk", problems);
        foreach (var path in new[] { "/", "/persons", "/events", "/cases", "/testimonies", "/sources", "/places", "/organizations", "/persons/new", "/events/new", "/testimonies/new" })
        {
            await page.GotoAsync(path);
            await CheckAsync(page, null, problems);
        }

        Assert.Empty(problems);

        // At phone width the wide tables and the SVG charts still push the page sideways (reported, not yet fixed
        // in the pages): the screenshots are kept and the overflow is written to the test output, not failed on.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(person + "?culture=en");
        await CheckAsync(page, "person-phone", problems);
        await page.GotoAsync("/persons");
        await CheckAsync(page, "persons-phone", problems);
        await page.GotoAsync("/persons/new");
        await CheckAsync(page, "person-form-phone", problems);
        foreach (var problem in problems)
        {
            output.WriteLine("phone width: " + problem);
        }

        Assert.DoesNotContain(problems, p => p.Contains("text key", StringComparison.Ordinal));
    }

    private static readonly Lazy<Regex> TextKey = new(() =>
    {
        // Any dotted key of the texts files ("persons.New", "status.in-camp") by its prefix.
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Kuager.Web", "Localization");
        var prefixes = Directory.GetFiles(folder, "*.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(f))!.Keys)
            .Where(k => k.Contains('.'))
            .Select(k => k[..k.IndexOf('.')])
            .Distinct()
            .ToList();
        Assert.NotEmpty(prefixes);
        return new Regex($@"\b(?:{string.Join('|', prefixes.Select(Regex.Escape))})\.[A-Za-z][\w.-]*");
    });

    private static async Task CheckAsync(IPage page, string? screenshot, List<string> problems)
    {
        var where = $"{new Uri(page.Url).PathAndQuery} ({page.ViewportSize?.Width}px)";
        if (screenshot is not null)
        {
            await BrowserHost.ScreenshotAsync(page, "page-" + screenshot);
        }

        var text = await page.Locator("body").InnerTextAsync();
        foreach (Match key in TextKey.Value.Matches(text))
        {
            problems.Add($"{where}: untranslated text key {key.Value}");
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        if (overflow > 0)
        {
            problems.Add($"{where}: {overflow}px wider than the window, from {await page.EvaluateAsync<string>(Overflowing)}");
        }

        Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());
    }
}
