using Kuager.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Duplicates;

/// <summary>The review queue: pairs of records that may be one person, undecided ones first (best first), then those put off.</summary>
[EditorsOnly]
public sealed class IndexModel(RecordStore store) : PageModel
{
    public const int PageSize = 50;

    private static readonly string[] Notices = ["distinct", "later"];

    public IReadOnlyList<QueuedPair> Pairs { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>A known notice code from the redirect after a decision.</summary>
    public string? Notice { get; private set; }

    public async Task OnGetAsync(int? p, string? notice, CancellationToken ct)
    {
        // An unreadable page number (p=abc) is a model-state error; the queue shows its first page rather than failing.
        ModelState.Clear();
        Notice = notice is not null && Notices.Contains(notice) ? notice : null;
        var viewer = HttpContext.Viewer();
        var queue = await DuplicateService.For(store.Database).QueueAsync(viewer, ct);
        Total = queue.Count;
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Pairs = queue.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        await store.AuditShownAsync(viewer, Pairs.SelectMany(q => new[] { q.Pair.A, q.Pair.B }), ct);
    }
}
