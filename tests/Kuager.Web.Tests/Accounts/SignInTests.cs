using System.Net;
using AngleSharp.Html.Parser;
using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;

namespace Kuager.Web.Tests.Accounts;

public sealed class SignInTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_researcher_signs_in_with_a_password_and_gets_a_hardened_cookie(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.AddUserAsync("rosa", Role.Researcher);
        var client = app.BrowserClient();

        var response = await app.PostLoginAsync(client, "rosa", SignIn.Password, "/persons?page=2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/persons?page=2", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Kuager.Auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);

        // The antiforgery cookie set by the sign-in page is hardened the same way.
        using var fresh = app.BrowserClient();
        var loginPage = await fresh.GetAsync("/account/login");
        var antiforgery = Assert.Single(loginPage.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Kuager.Antiforgery=", StringComparison.Ordinal));
        var flags = antiforgery.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", flags);
        Assert.Contains("secure", flags);
        Assert.Contains("samesite=strict", flags);

        var home = await app.PageAsync("/", client);
        Assert.Equal("rosa", home.QuerySelector(".account-name")?.TextContent);
        Assert.NotNull(home.QuerySelector("form[action='/account/logout'] input[name=__RequestVerificationToken]"));
        Assert.Equal([AuditActions.SignIn], await ActionsAsync(app, "rosa"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.AddUserAsync("rosa", Role.Researcher);
        var client = app.BrowserClient();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await ParseAsync(await app.PostLoginAsync(client, "rosa", "not the password at all"));
            Assert.Contains("wrong", wrong.QuerySelector("[role=alert]")!.TextContent);
        }

        var fifth = await ParseAsync(await app.PostLoginAsync(client, "rosa", "not the password at all"));
        Assert.Contains("locked", fifth.QuerySelector("[role=alert]")!.TextContent);
        var right = await app.PostLoginAsync(client, "rosa", SignIn.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await ParseAsync(right)).QuerySelector("[role=alert]")!.TextContent);
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(".Kuager.Auth=", StringComparison.Ordinal));

        await using var connection = await app.Store.Database.OpenAsync();
        var lockoutEnd = Clock.Parse(await connection.ExecuteScalarAsync<string>("SELECT lockout_end FROM users WHERE user_name = 'rosa'") ?? "");
        Assert.InRange(lockoutEnd - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(
            [AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.LockedOut, AuditActions.LockedOut],
            await ActionsAsync(app, "rosa"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_editor_must_enrol_an_authenticator_before_being_signed_in(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.AddUserAsync("erlan", Role.Editor);
        var client = app.BrowserClient();

        var login = await app.PostLoginAsync(client, "erlan", SignIn.Password, "/persons/new");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/setup-two-factor", login.Headers.Location!.OriginalString);
        // Not signed in yet: an edit page still sends the editor to sign in.
        var edit = await client.GetAsync("/persons/new");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/account/login", edit.Headers.Location!.AbsolutePath);

        var setupUrl = login.Headers.Location.OriginalString;
        var setup = await app.PageAsync(setupUrl, client);
        var key = setup.QuerySelector(".secret-key")!.TextContent;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        var compact = key.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal($"otpauth://totp/Kuager:erlan?secret={compact}&issuer=Kuager&digits=6&period=30", setup.QuerySelector(".otpauth")!.TextContent);

        var wrong = await ParseAsync(await app.PostCodeAsync(client, setupUrl, WrongCode(compact)));
        Assert.Contains("wrong", wrong.QuerySelector("[role=alert]")!.TextContent);

        var enrolled = await ParseAsync(await app.PostCodeAsync(client, setupUrl, Totp.Code(compact)));
        Assert.Equal(10, enrolled.QuerySelectorAll(".recovery-codes li").Length);
        Assert.Equal("/persons/new", enrolled.QuerySelector("a.button")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/persons/new")).StatusCode);

        // The key and the recovery codes are sealed in the database, never there in the clear.
        await using var connection = await app.Store.Database.OpenAsync();
        var (storedKey, storedCodes) = await connection.QuerySingleAsync<(string, string)>("SELECT authenticator_key, recovery_codes FROM users WHERE user_name = 'erlan'");
        Assert.True(KeyRing.IsSealed(storedKey));
        Assert.True(KeyRing.IsSealed(storedCodes));
        Assert.DoesNotContain(compact, storedKey);
        Assert.DoesNotContain(enrolled.QuerySelector(".recovery-codes li")!.TextContent.Trim(), storedCodes);
        Assert.Equal([AuditActions.SignInFailed, AuditActions.TwoFactorEnabled, AuditActions.SignIn], await ActionsAsync(app, "erlan"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_enrolled_editor_needs_the_current_code_or_a_recovery_code(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        var (first, name, key) = await app.SignedInAsync(Role.Editor);
        Assert.NotNull(key);
        var signOut = await Events.WebForm.LoadAsync(app, "/account/logout", first);
        Assert.Equal(HttpStatusCode.Redirect, (await signOut.PostAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/persons/new")).StatusCode);

        var client = app.BrowserClient();
        var login = await app.PostLoginAsync(client, name, SignIn.Password);
        Assert.StartsWith("/account/two-factor", login.Headers.Location!.OriginalString);
        var refused = await ParseAsync(await app.PostCodeAsync(client, "/account/two-factor", WrongCode(key)));
        Assert.Contains("wrong", refused.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/persons/new")).StatusCode);

        // The enrolment used this step's code, and a code is good once: the app wants the next one (the phone shows
        // it within 30 seconds; one step of drift either way is accepted).
        // The code of the step the enrolment used, read back rather than recomputed: a step may have ended since.
        var replayed = await ParseAsync(await app.PostCodeAsync(client, "/account/two-factor", await UsedCodeAsync(app, name, key)));
        Assert.Contains("wrong", replayed.QuerySelector("[role=alert]")!.TextContent);
        var code = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
        var accepted = await app.PostCodeAsync(client, "/account/two-factor", code);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/persons/new")).StatusCode);
        Assert.Equal(
            [AuditActions.TwoFactorEnabled, AuditActions.SignIn, AuditActions.SignOut, AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignIn],
            await ActionsAsync(app, name));

        // Signed out again, the code just used does not open a second session.
        var again = app.BrowserClient();
        Assert.StartsWith("/account/two-factor", (await app.PostLoginAsync(again, name, SignIn.Password)).Headers.Location!.OriginalString);
        var reused = await ParseAsync(await app.PostCodeAsync(again, "/account/two-factor", code));
        Assert.Contains("wrong", reused.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/persons/new")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_recovery_code_signs_in_once(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.AddUserAsync("aida", Role.Admin);
        var enrol = app.BrowserClient();
        await app.PostLoginAsync(enrol, "aida", SignIn.Password);
        var key = await app.SecretKeyAsync(enrol);
        var codes = await ParseAsync(await app.PostCodeAsync(enrol, "/account/setup-two-factor", Totp.Code(key)));
        var recovery = codes.QuerySelector(".recovery-codes li")!.TextContent.Trim();

        var client = app.BrowserClient();
        await app.PostLoginAsync(client, "aida", SignIn.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await app.PostCodeAsync(client, "/account/two-factor", recovery.ToLowerInvariant())).StatusCode);

        var again = app.BrowserClient();
        await app.PostLoginAsync(again, "aida", SignIn.Password);
        Assert.Equal(HttpStatusCode.OK, (await app.PostCodeAsync(again, "/account/two-factor", recovery)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unknown_names_and_open_redirects_are_refused(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.AddUserAsync("rosa", Role.Researcher);
        var client = app.BrowserClient();

        var unknown = await ParseAsync(await app.PostLoginAsync(client, "nobody", SignIn.Password));
        Assert.Contains("wrong", unknown.QuerySelector("[role=alert]")!.TextContent);

        var away = await app.PostLoginAsync(client, "rosa", SignIn.Password, "//evil.example/x");
        Assert.Equal("/", away.Headers.Location!.OriginalString);
    }

    internal static string WrongCode(string key) => SignInTestCodes.Wrong(key);

    internal static async Task<AngleSharp.Html.Dom.IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.Headers.Location}\n{body[..Math.Min(body.Length, 1500)]}");
        return new HtmlParser().ParseDocument(body);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_keys_behind_sign_in_cookies_are_kept_sealed_in_the_database(Provider provider)
    {
        await using var app = await KuagerApp.StartAsync(provider);
        await app.AddUserAsync("rosa", Role.Researcher);
        Assert.Equal(HttpStatusCode.Redirect, (await app.PostLoginAsync(app.BrowserClient(), "rosa", SignIn.Password)).StatusCode);

        await using var connection = await app.Store.Database.OpenAsync();
        var keys = (await connection.QueryAsync<string>("SELECT value FROM settings WHERE name LIKE 'dataprotection:%'")).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(KeyRing.IsSealed(k), "a data-protection key is stored in the clear"));
        Assert.All(keys, k => Assert.DoesNotContain("<key", k, StringComparison.Ordinal));
    }

    /// <summary>The authenticator code of the time step the user last signed in with.</summary>
    private static async Task<string> UsedCodeAsync(KuagerApp app, string userName, string key)
    {
        await using var connection = await app.Store.Database.OpenAsync();
        var step = await connection.ExecuteScalarAsync<long>("SELECT totp_last_step FROM users WHERE user_name = @userName", new { userName });
        return Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
    }

    internal static async Task<List<string>> ActionsAsync(KuagerApp app, string userName)
    {
        await using var connection = await app.Store.Database.OpenAsync();
        return [.. await connection.QueryAsync<string>(
            "SELECT action FROM audit_log WHERE target = @target AND action <> @added ORDER BY seq", new { target = $"user {userName}", added = AuditActions.UserAdded })];
    }
}
