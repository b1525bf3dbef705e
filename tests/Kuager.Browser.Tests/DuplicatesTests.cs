using System.Text.RegularExpressions;
using Kuager.Core;
using Kuager.Names;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>
/// A volunteer enters a man already recorded under another spelling: the likely match appears as the name is typed and
/// again on saving; they create him anyway. A reviewer then finds the pair in the queue, compares, merges, and undoes it.
/// </summary>
public sealed class DuplicatesTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task A_likely_duplicate_is_shown_while_typing_created_anyway_then_merged_and_unmerged()
    {
        var china = await Host.Db.Store.CreateAsync(new Place { Names = [new PlaceName("China", Script.English)], Confidentiality = Confidentiality.Public }, "test");
        var ili = await Host.Db.Store.CreateAsync(new Place { Names = [new PlaceName("Ili", Script.English)], ParentId = china.Id, Confidentiality = Confidentiality.Public }, "test");
        var existing = await Host.Db.Store.CreateAsync(new Person
        {
            ExternalId = "DUP-1",
            Names = [new PersonName("Baibolat Kunbolatuly", Script.English, NameKind.Primary), new PersonName("Байболат Құнболатұлы", Script.KazakhCyrillic, NameKind.Alias)],
            Gender = Gender.Male,
            BirthDate = FuzzyDate.InYear(1975),
            Ethnicity = "Kazakh",
            HometownId = ili.Id,
        }, "test");
        var page = await Host.SignedInPageAsync();

        // As the name is typed, the likely match appears above the form; nothing is saved.
        await page.GotoAsync("/persons/new");
        await page.GetByLabel("Name 1", new() { Exact = true }).PressSequentiallyAsync("Baybolat Kunbolatuly");
        await page.GetByLabel("Birth date", new() { Exact = true }).FillAsync("1976");
        await page.GetByLabel("Gender", new() { Exact = true }).SelectOptionAsync("male");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "This person may already be recorded" });
        var match = panel.GetByRole(AriaRole.Link, new() { Name = "Baibolat Kunbolatuly" });
        await Expect(match).ToHaveAttributeAsync("href", $"/persons/{existing.Id}");
        await Expect(panel.GetByRole(AriaRole.Row).Filter(new() { HasText = "DUP-1" })).ToContainTextAsync("1975");
        await BrowserHost.ScreenshotAsync(page, "duplicates-while-typing");

        // Saving shows the same panel from the server and keeps what was typed.
        await Registry.SaveAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex("/persons/new$"));
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Baibolat Kunbolatuly" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name 1", new() { Exact = true })).ToHaveValueAsync("Baybolat Kunbolatuly");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Create anyway — this is a different person" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/persons/\d+\?notice=created$"));
        var second = Registry.IdIn(page.Url, "persons");

        // The reviewer's queue holds the pair; the comparison marks what differs in words, not colour alone.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Kuager" }).GetByRole(AriaRole.Link, new() { Name = "Duplicates", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Possible duplicates");
        await BrowserHost.ScreenshotAsync(page, "duplicates-queue");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare Baibolat Kunbolatuly and Baybolat Kunbolatuly" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/duplicates/{existing.Id}/{second}$"));
        var birth = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Birth date", Exact = true }) });
        await Expect(birth).ToContainTextAsync("≠ differ");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Keep Baibolat Kunbolatuly (DUP-1); Baybolat Kunbolatuly is merged into it" })).ToBeCheckedAsync();
        await BrowserHost.ScreenshotAsync(page, "duplicates-compare");

        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/persons/{existing.Id}\\?notice=merged$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("merged into this one");
        await Expect(Registry.Section(page, "Names")).ToContainTextAsync("Baybolat Kunbolatuly");
        var merges = Registry.Section(page, "Merges");
        await Expect(merges).ToContainTextAsync("in force");
        await BrowserHost.ScreenshotAsync(page, "duplicates-merged");

        // The merge is undone from the survivor's page: the other record is back on its own.
        await merges.GetByRole(AriaRole.Button, new() { Name = "Undo the merge of Baybolat Kunbolatuly" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/persons/{existing.Id}\\?notice=unmerged$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The merge has been undone: the other record is back as it was.");
        await Expect(Registry.Section(page, "Merges")).ToContainTextAsync("undone");
        await Expect(Registry.Section(page, "Names")).Not.ToContainTextAsync("Baybolat Kunbolatuly");
        await page.GotoAsync($"/persons/{second}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Baybolat Kunbolatuly");
    }
}
