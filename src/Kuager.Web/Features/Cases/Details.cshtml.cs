using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Cases;

public sealed class DetailsModel(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : PageModel
{
    public Case Case { get; private set; } = null!;

    public IReadOnlyDictionary<long, PersonRef> Persons { get; private set; } = new Dictionary<long, PersonRef>();

    public IReadOnlyDictionary<long, string> Organizations { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyDictionary<long, string> Places { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyList<CitedSource> Sources { get; private set; } = [];

    public HistoryView History { get; private set; } = new([], null);

    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Present (?saved=1) when a save redirected here, to say it worked.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUndoAsync(long id, long revision, CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        var error = await RecordHistory.UndoAsync(store, RecordKind.Case, id, revision, Editing.Actor(HttpContext), t, ct);
        if (error is null)
        {
            return Redirect(await store.GetAsync<Case>(id, HttpContext.Viewer(), ct) is null ? "/cases" : $"/cases/{id}");
        }

        return await LoadAsync(id, error, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, string? undoError, CancellationToken ct)
    {
        var viewer = HttpContext.Viewer();
        if (await store.GetAsync<Case>(id, viewer, ct) is not { } found)
        {
            return false;
        }

        await using (var connection = await db.OpenAsync(ct))
        {
            // Parties, the lawyer and the court the viewer may not see are left out.
            var c = Case = (await Shown.WithoutHiddenLinksAsync(connection, found, viewer))!;
            Persons = await RecordLinks.PersonsAsync(connection, c.Parties.Select(p => p.PersonId).Append(c.LawyerPersonId), viewer, store, ct);
            Organizations = await RecordLinks.OrganizationsAsync(connection, c.Parties.Select(p => p.OrganizationId).Append(c.CourtOrganizationId), viewer, store, ct);
            Places = await RecordLinks.PlacesAsync(connection, c.Hearings.Select(h => h.PlaceId), viewer, store, ct);
            Sources = await RecordLinks.CitationsAsync(store, connection, RecordKind.Case, id, viewer, ct);
        }

        History = new HistoryView(await store.HistoryAsync(RecordKind.Case, id, HttpContext.Viewer(), ct), undoError);
        return true;
    }
}
