using System.Security.Claims;
using Kuager.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kuager.Web;

/// <summary>
/// Accounts on the web: Identity over the users table (<see cref="UserStore"/>), its cookies, the policies that
/// decide who may write, and where they apply. Reading is open to everyone (redaction decides what each sees);
/// every write, on a page or through the API, needs an editor or an admin.
/// </summary>
public static class Accounts
{
    /// <summary>Editors and admins: every form that changes the registry, and every API write.</summary>
    public const string EditPolicy = "Edit";

    /// <summary>The API's writes: the Edit policy with an API token only. A cookie cannot write to the API, which is its CSRF protection.</summary>
    public const string EditApiPolicy = "EditApi";

    /// <summary>The short-lived cookie of an admin or editor who has given the right password but has no second factor yet.</summary>
    public const string EnrolmentScheme = "Kuager.Enrolment";

    public const string CookieName = ".Kuager.Auth";

    public const string LoginPath = "/account/login";

    public const string DeniedPath = "/account/denied";

    public static readonly string[] EditorRoles = [WireCode.Of(Role.Editor), WireCode.Of(Role.Admin)];

    public static IServiceCollection AddKuagerAccounts(this IServiceCollection services)
    {
        DatabaseXmlRepository.AddTo(services);

        // The antiforgery cookie: never sent from other sites, and Secure whenever the app is served over https
        // (antiforgery refuses to work at all with "always" on plain http, which `kuager serve` on 127.0.0.1 is).
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Kuager.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddIdentityCore<KuagerUser>(o =>
            {
                o.Password.RequiredLength = UserPasswords.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@";
                o.ClaimsIdentity.UserNameClaimType = ClaimTypes.Name;
                o.ClaimsIdentity.RoleClaimType = ClaimTypes.Role;
            })
            .AddUserStore<UserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<RoleClaimsFactory>()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        var authentication = services.AddKuagerAuthentication();
        authentication.AddIdentityCookies();
        authentication.AddCookie(EnrolmentScheme, o =>
            {
                Harden(o, ".Kuager.Enrolment");
                o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                o.SlidingExpiration = false;
            });
        services.ConfigureApplicationCookie(o =>
        {
            Harden(o, CookieName);
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => Harden(o, ".Kuager.TwoFactor"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => Harden(o, ".Kuager.TwoFactorRemember"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => Harden(o, ".Kuager.External"));

        services.AddAuthorizationBuilder()
            .AddPolicy(EditPolicy, p => p.RequireAuthenticatedUser().RequireRole(EditorRoles))
            .AddPolicy(EditApiPolicy, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser().RequireRole(EditorRoles));
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new EditAuthorizationFilter()));
        return services;
    }

    /// <summary>After authentication: a refused API token is a 401, and API writes need an editor's or admin's token.</summary>
    public static WebApplication UseKuagerAccounts(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (BearerTokenHandler.HasToken(context.Request) &&
                await context.AuthenticateAsync(BearerTokenHandler.SchemeName) is { Succeeded: false })
            {
                // A bad token is refused, never read as an anonymous visitor.
                await context.ChallengeAsync(BearerTokenHandler.SchemeName);
                return;
            }

            if (context.Request.Path.StartsWithSegments(ApiEndpoints.Prefix) && !IsRead(context.Request.Method))
            {
                var outcome = await EvaluateAsync(context, EditApiPolicy, null);
                if (outcome.Challenged)
                {
                    await context.ChallengeAsync(BearerTokenHandler.SchemeName);
                    return;
                }

                if (outcome.Forbidden)
                {
                    await context.ForbidAsync(BearerTokenHandler.SchemeName);
                    return;
                }
            }

            await next(context);
        });
        return app;
    }

    public static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>Evaluates a named policy for the request: authenticates with its schemes (if any) and authorises.</summary>
    public static async Task<PolicyAuthorizationResult> EvaluateAsync(HttpContext context, string policyName, object? resource)
    {
        var policy = await context.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(policyName)
            ?? throw new InvalidOperationException($"there is no authorization policy \"{policyName}\"");
        var evaluator = context.RequestServices.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, context);
        return await evaluator.AuthorizeAsync(policy, authentication, context, resource);
    }

    /// <summary>A local path to go back to after signing in; anything else (another site, a scheme) goes home.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\')) &&
        !returnUrl.StartsWith(LoginPath, StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/";

    private static void Harden(CookieAuthenticationOptions o, string name)
    {
        o.Cookie.Name = name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.IsEssential = true;
        o.LoginPath = LoginPath;
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = DeniedPath;
        o.ReturnUrlParameter = "returnUrl";
    }
}

/// <summary>Adds the user's one role to the claims, as its wire code ("editor"), which <see cref="Viewers"/> reads.</summary>
public sealed class RoleClaimsFactory(UserManager<KuagerUser> users, IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<KuagerUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KuagerUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, WireCode.Of(user.Role)));
        return identity;
    }
}

/// <summary>
/// Where the Edit policy applies among the pages: New and Edit pages for every request, and every other page's
/// non-GET handlers (undo, relate, delete, uploads). The account pages and the error page stay open: signing in is a POST. Runs as an
/// authorization filter, before anything else (antiforgery included): anonymous → sign in, wrong role → 403.
/// </summary>
public sealed class EditAuthorizationFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncAuthorizationFilter
{
    public static bool Applies(string viewEnginePath, string method) =>
        !viewEnginePath.StartsWith("/Accounts/", StringComparison.Ordinal) &&

        // The error page answers for failed requests of any method (a refused POST is re-executed to it).
        viewEnginePath != "/Shared/Error" &&
        (Path.GetFileName(viewEnginePath) is "New" or "Edit" || !Accounts.IsRead(method));

    public async Task OnAuthorizationAsync(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is not Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor page ||
            !Applies(page.ViewEnginePath, context.HttpContext.Request.Method))
        {
            return;
        }

        var outcome = await Accounts.EvaluateAsync(context.HttpContext, Accounts.EditPolicy, context);
        if (outcome.Challenged)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.ChallengeResult();
        }
        else if (outcome.Forbidden)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.ForbidResult();
        }
    }
}
