using System.Text.RegularExpressions;
using Kuager.Core;
using Kuager.Names;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>Suggestions as you type in the search box: they appear, the keyboard and the mouse pick one, and the form still submits.</summary>
public sealed class SearchTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Typing_shows_suggestions_that_the_keyboard_and_the_mouse_open()
    {
        var person = await Host.Db.Store.CreateAsync(new Person
        {
            ExternalId = "SUGGEST-1",
            Names = [new PersonName("Gulbahar Suggestova", Script.English, NameKind.Primary)],
        }, "test");
        var testimony = await Host.Db.Store.CreateAsync(new Testimony
        {
            SubjectPersonId = person.Id,
            Summary = "She described the Suggestova family farm near <b>Tekes</b>.",
            Confidentiality = Confidentiality.Restricted,
        }, "test");
        var page = await Host.SignedInPageAsync();
        await page.GotoAsync("/");

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search", Exact = true });
        await box.PressSequentiallyAsync("Suggestova");
        var options = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(2);
        await Expect(options.Nth(0)).ToContainTextAsync("Gulbahar Suggestova");
        await Expect(options.Nth(1)).ToContainTextAsync($"Testimony {testimony.Id} · Gulbahar Suggestova");
        await Expect(options.Nth(1).Locator("mark")).ToHaveTextAsync("Suggestova");
        await Expect(options.Nth(1)).ToContainTextAsync("<b>Tekes</b>");

        // Down twice picks the testimony; Enter opens it instead of submitting the form.
        await box.PressAsync("ArrowDown");
        await Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await options.Nth(1).GetAttributeAsync("id"))!);
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/testimonies/{testimony.Id}$"));

        // On the search page, a click on a suggestion opens the person; Escape closes the list; Enter alone searches.
        await page.GotoAsync("/search");
        var searchBox = page.GetByRole(AriaRole.Searchbox, new() { Name = "Name in any script" });
        await searchBox.PressSequentiallyAsync("Gulbahar");
        var personOption = page.Locator("main").GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option).First;
        await Expect(personOption).ToContainTextAsync("Gulbahar Suggestova");
        await searchBox.PressAsync("Escape");
        await Expect(page.Locator("main").GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await searchBox.PressSequentiallyAsync(" S");
        await Expect(personOption).ToBeVisibleAsync();
        await personOption.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/persons/{person.Id}$"));

        await page.GotoAsync("/search");
        await searchBox.FillAsync("Tekes");
        await searchBox.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Tekes"));
        await Expect(page.Locator("ol.text-results mark")).ToHaveTextAsync("Tekes");
    }
}
