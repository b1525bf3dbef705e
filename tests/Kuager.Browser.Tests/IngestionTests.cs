using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>
/// An editor pastes a short article of our own writing into the ingestion page, sees what was found in the review
/// queue (the person with the sentence it came from), accepts the person, and finds the new record.
/// </summary>
public sealed class IngestionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task An_editor_pastes_an_article_sees_the_proposals_and_accepts_one()
    {
        var page = await Host.SignedInPageAsync();
        await page.GotoAsync("/ingestion");
        await Expect(page.Locator("progress.ingest-progress")).ToBeHiddenAsync();
        await page.GetByLabel("Text, Markdown or HTML", new() { Exact = true }).FillAsync(
            "Herder detained near Zharkent\n\nPolice detained the herder Yerkin Dosmagambetov near Zharkent on Monday, his sister Aruzhan Dosmagambetova said.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingest", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/ingestion\?notice=ingested&count=1&copies=0$"));

        var row = page.Locator("table.proposals tbody tr").Filter(new() { Has = page.Locator("input[name=label][value='Yerkin Dosmagambetov']") });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td.sentence")).ToContainTextAsync("Police detained the herder Yerkin Dosmagambetov");
        await BrowserHost.ScreenshotAsync(page, "ingestion-queue");

        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept selected", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 proposals accepted.");
        await Expect(page.Locator("table.proposals input[name=label][value='Yerkin Dosmagambetov']")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "ingestion-accepted");
    }

    [Fact]
    public async Task Several_files_are_posted_one_at_a_time_with_progress_and_counted_together()
    {
        var page = await Host.SignedInPageAsync();
        await page.GotoAsync("/ingestion");
        var posts = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("handler=Ingest", StringComparison.Ordinal))
                Interlocked.Increment(ref posts);
        };
        await page.GetByLabel("Or files (.html, .htm, .txt, .md)", new() { Exact = true }).SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "first.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes("Shepherd missing\n\nRelatives of the shepherd Talgat Zhanuzakov say he was taken to a camp in Tacheng in 2019.") },
            new FilePayload { Name = "second.md", MimeType = "text/markdown", Buffer = System.Text.Encoding.UTF8.GetBytes("# Teacher freed\n\nThe teacher Saltanat Mukhametkali was released in March 2020, her cousin Dinara Abilova said.") },
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingest", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/ingestion\?notice=ingested&count=2&copies=0$"));
        Assert.Equal(2, posts);
        await Expect(page.Locator("table.proposals input[name=label][value='Talgat Zhanuzakov']")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.proposals input[name=label][value='Saltanat Mukhametkali']")).ToHaveCountAsync(1);
    }
}
