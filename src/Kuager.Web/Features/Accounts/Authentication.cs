using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Kuager.Web;

/// <summary>
/// How requests are authenticated: an API token in the Authorization header, otherwise the sign-in cookie.
/// One policy scheme picks between them so pages and the API see the same user and role.
/// </summary>
public static class Authentication
{
    public const string Scheme = "Kuager";

    public static AuthenticationBuilder AddKuagerAuthentication(this IServiceCollection services) =>
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = context =>
                BearerTokenHandler.HasToken(context.Request) ? BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
}
