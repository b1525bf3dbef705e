using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features;

/// <summary>
/// The page for a failed request: a generic, localized text by status, never the exception, the address or anything
/// a record holds (the exception is logged, without the request's query). An unknown or hidden record gives the same
/// "not found" page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private PageResult Show(int? code)
    {
        // Reached directly (not re-executed for another request's failure) it is simply not found.
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var reexecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        if (failure is not null)
        {
            logger.LogError(failure.Error, "{Method} {Path} failed", HttpContext.Request.Method, failure.Path);
            Status = StatusCodes.Status500InternalServerError;
        }
        else
        {
            Status = reexecuted is not null && code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        }

        Response.StatusCode = Status;
        return Page();
    }
}
