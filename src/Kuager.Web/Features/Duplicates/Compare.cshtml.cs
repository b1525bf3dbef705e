using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Persons;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Duplicates;

/// <summary>
/// Two records side by side, with what differs marked and the evidence behind the score; the reviewer merges them
/// (choosing which record stays), says they are different people (never proposed again), or puts the pair off.
/// </summary>
[EditorsOnly]
public sealed class CompareModel(RecordStore store, IStringLocalizer<TextLocalizer> t) : PageModel
{
    public DuplicatePair? Pair { get; private set; }

    public PersonDossier? A { get; private set; }

    public PersonDossier? B { get; private set; }

    public IReadOnlyList<ComparedField> Fields { get; private set; } = [];

    public DuplicateDecision? Decision { get; private set; }

    /// <summary>Why the last action was refused, shown above the actions.</summary>
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(long a, long b, CancellationToken ct) => ShowAsync(a, b, ct);

    public async Task<IActionResult> OnPostMergeAsync(long a, long b, long? survivor, CancellationToken ct)
    {
        var shown = await ShowAsync(a, b, ct);
        if (Pair is null)
        {
            return shown;
        }

        if (survivor is not { } kept || (kept != Pair.A.Id && kept != Pair.B.Id))
        {
            Error = t["duplicates.ChooseSurvivor"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return shown;
        }

        // A refused merge changed nothing (one transaction): the page as it was, with the reason.
        try
        {
            await store.MergeAsync(kept, kept == Pair.A.Id ? Pair.B.Id : Pair.A.Id, Editing.Actor(HttpContext), ct);
        }
        catch (Exception e) when (e is RevisionConflictException or ValidationException or NotFoundException)
        {
            Error = e is ValidationException v ? string.Join("; ", v.Errors.Select(TextLocalizer.Shared.Localize)) : e.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return shown;
        }

        return Redirect($"/persons/{kept}?notice=merged");
    }

    public Task<IActionResult> OnPostDistinctAsync(long a, long b, CancellationToken ct) => DecideAsync(a, b, DuplicateDecision.Distinct, ct);

    public Task<IActionResult> OnPostLaterAsync(long a, long b, CancellationToken ct) => DecideAsync(a, b, DuplicateDecision.Later, ct);

    private async Task<IActionResult> DecideAsync(long a, long b, DuplicateDecision decision, CancellationToken ct)
    {
        var shown = await ShowAsync(a, b, ct);
        if (Pair is null)
        {
            return shown;
        }

        await DuplicateService.For(store.Database).DecideAsync(Pair.A.Id, Pair.B.Id, decision, Editing.Actor(HttpContext), ct);
        return Redirect($"/duplicates?notice={WireCode.Of(decision)}");
    }

    /// <summary>The page for both records; the 404 page when either does not exist, is deleted or hidden from the viewer, alike.</summary>
    private async Task<IActionResult> ShowAsync(long a, long b, CancellationToken ct)
    {
        Pair = null;
        var viewer = HttpContext.Viewer();
        var pair = a == b ? null : await DuplicateService.For(store.Database).CompareAsync(a, b, ct);
        var left = pair is null ? null : await PersonDossier.LoadAsync(store, pair.A.Id, viewer, ct);
        var right = pair is null ? null : await PersonDossier.LoadAsync(store, pair.B.Id, viewer, ct);
        if (pair is null || left is null || right is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Pair = pair;
        A = left;
        B = right;
        Fields = PersonComparison.Compare(left, right, viewer, t);
        Decision = await DuplicateService.For(store.Database).DecisionAsync(pair.A.Id, pair.B.Id, ct);
        return Page();
    }
}
