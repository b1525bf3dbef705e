using System.Security.Claims;
using System.Text.Encodings.Web;
using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kuager.Web;

/// <summary>
/// Authenticates `Authorization: Bearer kgr_...` with an API token: the token's user and role, while the token is
/// unexpired and unrevoked. A request without the header is left to the cookie; a bad token is refused, never
/// downgraded to anonymous.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Database database)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadToken(Request, out var token))
        {
            return AuthenticateResult.NoResult();
        }

        if (await ApiTokens.AuthenticateAsync(database, token, Context.RequestAborted) is not { } found)
        {
            return AuthenticateResult.Fail("the API token is unknown, expired or revoked");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, found.User.UserName),
                new Claim(ClaimTypes.Role, WireCode.Of(found.User.Role)),
                new Claim("kuager:token", found.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static bool HasToken(HttpRequest request) => TryReadToken(request, out _);

    private static bool TryReadToken(HttpRequest request, out string token)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
            return token.Length > 0;
        }

        token = "";
        return false;
    }
}
