using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Cases;

public sealed class IndexModel(RecordStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CasePage Result { get; private set; } = new([], 0);

    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        var filter = new CaseFilter(
            WireCode.TryParse<CaseKind>(Kind, out var kind) ? kind : null,
            WireCode.TryParse<CaseStatus>(Status, out var status) ? status : null,
            FormValues.Trimmed(Q));
        Result = await CaseList.ListAsync(store, HttpContext.Viewer(), filter, Today, PageNumber, Paging.PageSize, ct);
    }

    public string PageUrl(int page) => Paging.Url("/cases", [new("kind", Kind), new("status", Status), new("q", Q)], page);
}
