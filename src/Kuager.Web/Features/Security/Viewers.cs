using System.Security.Claims;
using Kuager.Core;

namespace Kuager.Web;

/// <summary>Who is asking, from the signed-in user's claims: the role decides every filter and redaction.</summary>
public static class Viewers
{
    public static Viewer Viewer(this HttpContext http) => Of(http.User);

    public static Viewer Of(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return Core.Viewer.Anonymous;
        }

        // A signed-in user without a known role is treated as a visitor rather than trusted with more.
        return WireCode.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role) ? new Viewer(name, role) : new Viewer(name, Role.Visitor);
    }
}
