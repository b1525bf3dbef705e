using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Accounts;

/// <summary>Where a signed-in user lands when their role does not allow what they tried: a 403, saying so.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
