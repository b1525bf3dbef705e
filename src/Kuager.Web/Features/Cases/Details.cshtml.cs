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
        var error = await RecordHistory.UndoAsync(store, RecordKind.Case, id, revision, Editing.Actor(HttpContext), t, ct);
        if (error is null)
        {
            return Redirect(await store.GetAsync<Case>(id, HttpContext.Viewer(), ct) is null ? "/cases" : $"/cases/{id}");
        }

        return await LoadAsync(id, error, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, string? undoError, CancellationToken ct)
    {
        if (await store.GetAsync<Case>(id, HttpContext.Viewer(), ct) is not { } c)
        {
            return false;
        }

        Case = c;
        await using (var connection = await db.OpenAsync(ct))
        {
            Persons = await RecordLinks.PersonsAsync(connection, c.Parties.Select(p => p.PersonId).Append(c.LawyerPersonId));
            Organizations = await RecordLinks.OrganizationsAsync(connection, c.Parties.Select(p => p.OrganizationId).Append(c.CourtOrganizationId));
            Places = await RecordLinks.PlacesAsync(connection, c.Hearings.Select(h => h.PlaceId));
            Sources = await RecordLinks.CitationsAsync(db, connection, RecordKind.Case, id);
        }

        History = new HistoryView(await store.HistoryAsync(RecordKind.Case, id, HttpContext.Viewer(), ct), undoError);
        return true;
    }
}
