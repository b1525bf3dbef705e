using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Persons;

public sealed class IndexModel(Database db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PersonPage Result { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await PersonEndpoints.ListAsync(db, Q, Math.Max(PageNumber, 1), PageSize, ct);
}
