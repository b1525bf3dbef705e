using Microsoft.Playwright;

namespace Kuager.Browser.Tests;

/// <summary>The strict policy holds in a real browser: nothing on the main pages (or the sign-in pages) is refused by it.</summary>
public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public async Task The_main_pages_run_under_the_policy_without_a_single_violation()
    {
        await using var host = await BrowserHost.StartAsync();
        var person = await host.Db.Store.CreateAsync(Kuager.Storage.Tests.Build.Person("Aigerim Testova"), "test");
        // An editor's pages, forms included; the sign-in and two-factor pages are on the way and run under the policy too.
        var page = await host.SignedInPageAsync(Kuager.Core.Role.Editor);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        foreach (var url in new[] { "/", "/persons", $"/persons/{person.Id}", "/persons/new", "/events/new", "/testimonies/new", "/places", "/sources" })
        {
            await page.GotoAsync(url);
        }

        // Search suggestions fetch from the app itself, which the policy allows.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("Aigerim");
        await Assertions.Expect(page.Locator(".suggestions li a").First).ToHaveTextAsync("Aigerim Testova");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
