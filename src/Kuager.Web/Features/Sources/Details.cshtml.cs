using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Sources;

public sealed class DetailsModel(RecordStore store) : PageModel
{
    public Source Source { get; private set; } = null!;

    public IReadOnlyList<SourceCitation> Citations { get; private set; } = [];

    public RecordHistory History { get; private set; } = new([]);

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUndoAsync(long id, long revision, CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        var refused = await RecordHistory.UndoAsync(store, RecordKind.Source, id, revision, Editing.Actor(HttpContext), ct);
        if (refused is null)
        {
            return Redirect($"/sources/{id}?undone=1");
        }

        return await LoadAsync(id, refused, ct) ? Page() : NotFound();
    }

    /// <summary>Where a citation's target is shown; null for a relationship, which has no page of its own.</summary>
    public static string? TargetLink(SourceCitation c) => c.TargetKind switch
    {
        "person" => $"/persons/{c.TargetId}",
        "event" => $"/events/{c.TargetId}",
        "case" => $"/cases/{c.TargetId}",
        _ => null,
    };

    private async Task<bool> LoadAsync(long id, string? undoError, CancellationToken ct)
    {
        var source = await store.GetAsync<Source>(id, HttpContext.Viewer(), ct);
        if (source is null)
        {
            return false;
        }

        Source = source;
        Citations = await SourceQueries.CitationsAsync(store, HttpContext.Viewer(), id, ct);
        History = new RecordHistory(await store.HistoryAsync(RecordKind.Source, id, HttpContext.Viewer(), ct), undoError, Request.Query.ContainsKey("undone"));
        return true;
    }
}
