using Kuager.Core;
using Kuager.Names;
using Microsoft.Playwright;

namespace Kuager.Browser.Tests;

public sealed class LayoutTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Names_containing_markup_render_as_text_and_run_nothing()
    {
        var host = fixture.Host;
        var person = await host.Db.Store.CreateAsync(new Person
        {
            ExternalId = "X-1",
            Names = [new PersonName("<img src=x onerror=\"window.hacked=1\"><script>window.hacked=2</script>", Script.English, NameKind.Primary)],
        }, "test");
        var page = await host.SignedInPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        await page.GotoAsync($"/persons/{person.Id}");

        Assert.Contains("<script>", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('main img, main script').length"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.hacked === undefined"));
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task The_language_switch_changes_every_label_and_is_remembered()
    {
        var host = fixture.Host;
        var page = await host.SignedInPageAsync();
        await page.GotoAsync("/");
        await BrowserHost.ScreenshotAsync(page, "dashboard-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Люди", Exact = true }).First.ClickAsync();
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserHost.ScreenshotAsync(page, "persons-ru");

        await page.GetByRole(AriaRole.Link, new() { Name = "Қазақша" }).ClickAsync();
        Assert.Equal("kk", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Адамдар", await page.Locator("h1").InnerTextAsync());
    }
}
