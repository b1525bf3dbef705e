using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Accounts;

/// <summary>The second step of signing in: a 6-digit code from the authenticator app, or one of the recovery codes.</summary>
public sealed class TwoFactorModel(SignInManager<KuagerUser> signIn, Database database, IStringLocalizer<TextLocalizer> t) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(Kuager.Web.Accounts.LoginPath) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect(Kuager.Web.Accounts.LoginPath);
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        var totp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = code.Length == 0 ? SignInResult.Failed
            : totp ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code.ToUpperInvariant());
        if (result.Succeeded)
        {
            await SignInAudit.RecordAsync(database, user.UserName, AuditActions.SignIn, user.UserName, totp ? "password and authenticator code" : "password and recovery code", ct);
            return LocalRedirect(Kuager.Web.Accounts.SafeReturnUrl(ReturnUrl));
        }

        Code = null;
        if (result.IsLockedOut)
        {
            await SignInAudit.RecordAsync(database, user.UserName, AuditActions.LockedOut, user.UserName, "two-factor code", ct);
            Error = t["accounts.LockedOut"];
            return Page();
        }

        await SignInAudit.RecordAsync(database, user.UserName, AuditActions.SignInFailed, user.UserName, "wrong two-factor code", ct);
        Error = t["accounts.WrongCode"];
        return Page();
    }
}
