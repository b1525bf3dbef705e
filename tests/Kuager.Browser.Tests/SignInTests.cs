using System.Text.RegularExpressions;
using Kuager.Core;
using Kuager.Web.Tests.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kuager.Browser.Tests;

/// <summary>Signing in in a real browser: password, enrolling an authenticator, the code at the next sign-in, signing out.</summary>
public sealed class SignInTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task An_editor_enrols_an_authenticator_then_signs_in_with_its_code()
    {
        var name = await Host.AddUserAsync(Role.Editor);
        var page = await Host.NewPageAsync();

        // A visitor opening an edit page is sent to sign in, and back after.
        await page.GotoAsync("/persons/new");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?returnUrl=%2Fpersons%2Fnew$"));
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(BrowserHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/account/setup-two-factor"));
        await Expect(page.Locator(".otpauth")).ToContainTextAsync($"otpauth://totp/Kuager:{name}?secret=");
        await BrowserHost.ScreenshotAsync(page, "account-setup-two-factor");
        var key = (await page.Locator(".secret-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/persons/new$"));
        await Expect(page.Locator(".account-name")).ToHaveTextAsync(name);

        // The sign-in cookie is HttpOnly, Secure and SameSite=Strict, and the page's script cannot read it.
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == ".Kuager.Auth");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(".Kuager.Auth", await page.EvaluateAsync<string>("() => document.cookie"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // The next sign-in asks for the code; a wrong one is refused, the right one lets the editor in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(BrowserHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor"));
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Kuager.Web.Tests.Accounts.SignInTestCodes.Wrong(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        // The enrolment spent this step's code: the next one, as the phone shows it 30 seconds on.
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.Locator(".account-name")).ToHaveTextAsync(name);
        await page.GotoAsync("/sources/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/sources/new", page.Url);
    }
}
