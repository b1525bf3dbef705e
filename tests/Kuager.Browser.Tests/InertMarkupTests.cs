using System.Text.RegularExpressions;
using Kuager.Core;
using Kuager.Names;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>Names come from people walking in; markup in one must show as text on every page that lists names.</summary>
public sealed class InertMarkupTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Attack = "<img src=x onerror=\"window.hacked=1\"><script>window.hacked=2</script>";

    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task A_name_with_markup_is_text_in_the_person_list()
    {
        await AddPersonAsync("Zarina " + Attack, "XSS-LIST");
        var (page, dialogs) = await WatchedPageAsync();

        await page.GotoAsync("/persons");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Zarina");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/persons\?.*q=Zarina"));
        var link = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Zarina" });
        await Expect(link).ToHaveTextAsync("Zarina " + Attack);
        await AssertInertAsync(page, dialogs);
    }

    [Fact]
    public async Task A_name_with_markup_is_text_in_the_suggestions_and_on_the_search_page()
    {
        await AddPersonAsync("Madina " + Attack, "XSS-SEARCH");
        var (page, dialogs) = await WatchedPageAsync();
        await page.GotoAsync("/");

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search", Exact = true });
        await box.PressSequentiallyAsync("Madina");
        var suggestion = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Link);
        await Expect(suggestion).ToHaveTextAsync("Madina " + Attack);
        await AssertInertAsync(page, dialogs);

        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Madina$"));
        var hit = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Madina" });
        await Expect(hit).ToHaveTextAsync("Madina " + Attack);
        await AssertInertAsync(page, dialogs);

        // What was searched for is shown back as text too.
        var query = page.GetByRole(AriaRole.Searchbox, new() { Name = "Name in any script" });
        await query.FillAsync("Nobody " + Attack);
        await query.PressAsync("Enter");
        // (Its words "img", "src", "window" match Madina's name, so she is found: the query comes back in the box.)
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Nobody"));
        await Expect(query).ToHaveValueAsync("Nobody " + Attack);
        await AssertInertAsync(page, dialogs);
    }

    private Task<Person> AddPersonAsync(string name, string externalId) =>
        Host.Db.Store.CreateAsync(new Person { ExternalId = externalId, Names = [new PersonName(name, Script.English, NameKind.Primary)] }, "test");

    private async Task<(IPage Page, Func<int> Dialogs)> WatchedPageAsync()
    {
        var page = await Host.SignedInPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        return (page, () => dialogs);
    }

    private static async Task AssertInertAsync(IPage page, Func<int> dialogs)
    {
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('main img, main script, header img, .suggestions script').length"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.hacked === undefined"));
        Assert.Equal(0, dialogs());
    }
}
