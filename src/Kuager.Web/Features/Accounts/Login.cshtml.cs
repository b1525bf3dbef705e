using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Accounts;

/// <summary>
/// Sign-in with a user name and password. Five wrong passwords lock the account for 15 minutes. Users with a second
/// factor go on to /account/two-factor; admins and editors without one must enrol before they are signed in.
/// </summary>
public sealed class LoginModel(SignInManager<KuagerUser> signIn, Database database, IStringLocalizer<TextLocalizer> t) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var returnUrl = Kuager.Web.Accounts.SafeReturnUrl(ReturnUrl);
        var name = UserName?.Trim() ?? "";
        var user = name.Length is > 0 and <= 64 ? await signIn.UserManager.FindByNameAsync(name) : null;
        if (user is null || string.IsNullOrEmpty(Password))
        {
            // The same work as a real check, so the answer's timing does not tell which names exist.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new KuagerUser(), DummyHash, Password ?? "");
            await SignInAudit.RecordAsync(database, "anonymous", AuditActions.SignInFailed, null, user is null ? "unknown user name" : "no password", ct);
            return Refuse(t["accounts.WrongPassword"]);
        }

        SignInResult result;
        if (user.MustUseTwoFactor && !user.TwoFactorEnabled)
        {
            result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                var identity = new System.Security.Claims.ClaimsIdentity(
                    [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                    Kuager.Web.Accounts.EnrolmentScheme);
                await HttpContext.SignInAsync(Kuager.Web.Accounts.EnrolmentScheme, new System.Security.Claims.ClaimsPrincipal(identity));
                return Redirect($"/account/setup-two-factor?returnUrl={Uri.EscapeDataString(returnUrl)}");
            }
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await SignInAudit.RecordAsync(database, user.UserName, AuditActions.SignIn, user.UserName, "password", ct);
                return LocalRedirect(returnUrl);
            }

            if (result.RequiresTwoFactor)
            {
                return Redirect($"/account/two-factor?returnUrl={Uri.EscapeDataString(returnUrl)}");
            }
        }

        if (result.IsLockedOut)
        {
            await SignInAudit.RecordAsync(database, user.UserName, AuditActions.LockedOut, user.UserName, "password", ct);
            return Refuse(t["accounts.LockedOut"]);
        }

        await SignInAudit.RecordAsync(database, user.UserName, AuditActions.SignInFailed, user.UserName, "wrong password", ct);
        return Refuse(t["accounts.WrongPassword"]);
    }

    private static readonly string DummyHash = new PasswordHasher<KuagerUser>().HashPassword(new KuagerUser(), "not a password of anyone");

    private PageResult Refuse(string error)
    {
        Error = error;
        Password = null;
        return Page();
    }
}
