using Kuager.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Accounts;

/// <summary>Signing out is a POST (with the antiforgery token), so no link or image elsewhere can sign a user out.</summary>
public sealed class LogoutModel(SignInManager<KuagerUser> signIn, Database database) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } && User.Identity.AuthenticationType != BearerTokenHandler.SchemeName)
        {
            await signIn.SignOutAsync();
            await SignInAudit.RecordAsync(database, name, AuditActions.SignOut, name, null, ct);
        }

        return Redirect("/");
    }
}
