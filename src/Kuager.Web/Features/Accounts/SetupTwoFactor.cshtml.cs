using System.Security.Claims;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Accounts;

/// <summary>
/// Enrolment of an authenticator app, required of admins and editors before their first sign-in completes: the
/// secret key (grouped, and as an otpauth:// address), a code to prove the app has it, then recovery codes, shown once.
/// </summary>
public sealed class SetupTwoFactorModel(SignInManager<KuagerUser> signIn, Database database, IStringLocalizer<TextLocalizer> t) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>The secret key in groups of four, for typing into an app.</summary>
    public string GroupedKey { get; private set; } = "";

    public string OtpAuthUri { get; private set; } = "";

    /// <summary>Set once enrolment succeeds: the recovery codes, never shown again.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string Continue => Kuager.Web.Accounts.SafeReturnUrl(ReturnUrl);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnrollingUserAsync() is not { } user)
        {
            return Redirect(Kuager.Web.Accounts.LoginPath);
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await EnrollingUserAsync() is not { } user)
        {
            return Redirect(Kuager.Web.Accounts.LoginPath);
        }

        var users = signIn.UserManager;
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        Code = null;
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) ||
            !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            // Counted like a wrong password, so the enrolment step cannot be used to guess codes without end.
            await users.AccessFailedAsync(user);
            await SignInAudit.RecordAsync(database, user.UserName, AuditActions.SignInFailed, user.UserName, "wrong code while enrolling two-factor", ct);
            if (await users.IsLockedOutAsync(user))
            {
                await HttpContext.SignOutAsync(Kuager.Web.Accounts.EnrolmentScheme);
                await SignInAudit.RecordAsync(database, user.UserName, AuditActions.LockedOut, user.UserName, "two-factor enrolment", ct);
                return Redirect(Kuager.Web.Accounts.LoginPath);
            }

            Error = t["accounts.WrongCode"];
            await ShowKeyAsync(user);
            return Page();
        }

        Check(await users.SetTwoFactorEnabledAsync(user, true));
        Check(await users.ResetAccessFailedCountAsync(user));
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await SignInAudit.RecordAsync(database, user.UserName, AuditActions.TwoFactorEnabled, user.UserName, "authenticator app", ct);
        await HttpContext.SignOutAsync(Kuager.Web.Accounts.EnrolmentScheme);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        await SignInAudit.RecordAsync(database, user.UserName, AuditActions.SignIn, user.UserName, "password and new authenticator", ct);
        return Page();
    }

    private async Task<KuagerUser?> EnrollingUserAsync()
    {
        var result = await HttpContext.AuthenticateAsync(Kuager.Web.Accounts.EnrolmentScheme);
        if (result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id ||
            await signIn.UserManager.FindByIdAsync(id) is not { } user || user.TwoFactorEnabled || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return null;
        }

        return user;
    }

    private async Task ShowKeyAsync(KuagerUser user)
    {
        var users = signIn.UserManager;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("the authenticator key was not saved");
        }

        GroupedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c)));
        OtpAuthUri = $"otpauth://totp/Kuager:{Uri.EscapeDataString(user.UserName)}?secret={key}&issuer=Kuager&digits=6&period=30";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("saving the account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
