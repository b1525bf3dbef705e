using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;

namespace Kuager.Web.Api;

/// <summary>
/// Every API error as RFC 7807 problem details: domain errors mapped to their status, unreadable requests and unknown
/// routes given a body, and nothing else (no HTML, no stack trace) ever leaving an /api path.
/// </summary>
internal static class ApiProblems
{
    public static IResult NotFound(TextLocalizer t, string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: t["api.NotFoundTitle"]);

    /// <summary>
    /// An endpoint filter for writes: only editors and admins may change records. A visitor gets 401 (send a token),
    /// a reader 403; nothing is read or written first.
    /// </summary>
    public static ValueTask<object?> EditorsOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        EditorsOnly(context, next, "api.ForbiddenDetail", "api.SignInDetail");

    /// <summary>The same filter, explaining the refusal with the texts of these keys (a read for reviewers only, say).</summary>
    public static async ValueTask<object?> EditorsOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string forbiddenDetail, string signInDetail)
    {
        var http = context.HttpContext;
        var viewer = http.Viewer();
        if (viewer.CanEdit)
        {
            return await next(context);
        }

        var t = http.RequestServices.GetRequiredService<TextLocalizer>();
        return viewer.IsSignedIn
            ? Results.Problem(detail: t[forbiddenDetail], statusCode: StatusCodes.Status403Forbidden, title: t["api.ForbiddenTitle"])
            : Results.Problem(detail: t[signInDetail], statusCode: StatusCodes.Status401Unauthorized, title: t["api.SignInTitle"]);
    }

    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var t = context.RequestServices.GetRequiredService<TextLocalizer>();
            var problem = For(e, t);
            if (problem is null)
            {
                // The exception is logged, not shown: it can carry SQL, paths or record contents.
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kuager.Web.Api")
                    .LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
                problem = Results.Problem(detail: t["api.ErrorDetail"], statusCode: StatusCodes.Status500InternalServerError, title: t["api.ErrorTitle"]);
            }

            context.Response.Clear();
            await problem.ExecuteAsync(context);
            return;
        }

        // Bodiless errors (no such route, wrong method, a request the framework could not bind) get their problem too.
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null
            && string.IsNullOrEmpty(context.Response.ContentType))
        {
            var t = context.RequestServices.GetRequiredService<TextLocalizer>();
            var status = context.Response.StatusCode;
            var detail = status switch
            {
                StatusCodes.Status404NotFound => t["api.NoRouteDetail", context.Request.Path.Value ?? ""].Value,
                StatusCodes.Status405MethodNotAllowed => t["api.MethodDetail", context.Request.Method].Value,
                StatusCodes.Status415UnsupportedMediaType => t["api.MediaTypeDetail"].Value,
                _ => null,
            };
            await Results.Problem(detail: detail, statusCode: status, title: status == StatusCodes.Status404NotFound ? t["api.NotFoundTitle"].Value : null)
                .ExecuteAsync(context);
        }
    }

    /// <summary>The problem for an exception the API expects; null for anything else (a bug or an outage of something unknown).</summary>
    private static IResult? For(Exception e, TextLocalizer t) => e switch
    {
        ValidationException v => Results.ValidationProblem(
            v.Errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(t.Localize).ToArray()),
            detail: t["api.ValidationDetail"], title: t["api.ValidationTitle"]),
        ApiInputException { Field: { } field } i => Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [i.Message] }, detail: i.Message, title: t["api.InputTitle"]),
        ApiInputException i => Results.Problem(detail: i.Message, statusCode: StatusCodes.Status400BadRequest, title: t["api.InputTitle"]),
        StaleEditException s => Results.Problem(detail: s.Message, statusCode: StatusCodes.Status409Conflict, title: t["api.StaleTitle"],
            extensions: new Dictionary<string, object?> { ["currentVersion"] = s.CurrentVersion, ["theirChanges"] = s.TheirChanges }),
        RevisionConflictException c => Results.Problem(detail: c.Message, statusCode: StatusCodes.Status409Conflict, title: t["api.ConflictTitle"]),
        NotFoundException n => NotFound(t, n.Message),
        BadHttpRequestException b => Results.Problem(detail: b.Message, statusCode: b.StatusCode, title: t["api.InputTitle"]),
        StorageException s => Results.Problem(detail: s.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: t["api.UnavailableTitle"]),
        _ => null,
    };
}
