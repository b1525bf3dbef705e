using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Organizations;

public sealed class IndexModel(Database db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <remarks>"p", not "page": Razor Pages keeps the page's own path in the route value "page".</remarks>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OrganizationItem> Items { get; private set; } = [];

    public long Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        // An unknown kind in the address lists everything rather than nothing.
        var kind = WireCode.TryParse<OrganizationKind>(Kind, out var k) ? WireCode.Of(k) : null;
        Kind = kind;
        (Items, Total) = await OrganizationQueries.ListAsync(db, HttpContext.Viewer(), kind, PageNumber, ct);
    }
}
