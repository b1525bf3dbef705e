using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Places;

public sealed class IndexModel(Database db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The top-level places, or the places matching <see cref="Q"/>.</summary>
    public IReadOnlyList<PlaceItem> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Places = string.IsNullOrWhiteSpace(Q) ? await PlaceQueries.TopLevelAsync(db, HttpContext.Viewer(), ct) : await PlaceQueries.FindAsync(db, HttpContext.Viewer(), Q, ct);
}
