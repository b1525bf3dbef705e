using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Events;

public sealed class DetailsModel(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : PageModel
{
    public Event Event { get; private set; } = null!;

    public EventType? Type { get; private set; }

    public IReadOnlyDictionary<long, PersonRef> Persons { get; private set; } = new Dictionary<long, PersonRef>();

    public IReadOnlyDictionary<long, string> Organizations { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyDictionary<long, string> Places { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyList<CitedSource> Sources { get; private set; } = [];

    public HistoryView History { get; private set; } = new([], null);

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

        var error = await RecordHistory.UndoAsync(store, RecordKind.Event, id, revision, Editing.Actor(HttpContext), t, ct);
        if (error is null)
        {
            // Undoing the creation deletes the event: back to the list then.
            return Redirect(await store.GetAsync<Event>(id, HttpContext.Viewer(), ct) is null ? "/events" : $"/events/{id}");
        }

        return await LoadAsync(id, error, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, string? undoError, CancellationToken ct)
    {
        var viewer = HttpContext.Viewer();
        if (await store.GetAsync<Event>(id, viewer, ct) is not { } found)
        {
            return false;
        }

        await using (var connection = await db.OpenAsync(ct))
        {
            // A participant the viewer may not see is left out, not shown as "someone".
            var e = Event = (await Shown.WithoutHiddenLinksAsync(connection, found, viewer))!;
            var vocabulary = await EventTypes.LoadAsync(connection);
            Type = vocabulary.GetValueOrDefault(e.Type);
            Persons = await RecordLinks.PersonsAsync(connection, e.Participants.Select(p => p.PersonId), viewer, store, ct);
            Organizations = await RecordLinks.OrganizationsAsync(connection, e.Participants.Select(p => p.OrganizationId), viewer, store, ct);
            Places = await RecordLinks.PlacesAsync(connection, [e.PlaceId], viewer, store, ct);
            Sources = await RecordLinks.CitationsAsync(store, connection, RecordKind.Event, id, viewer, ct);
        }

        History = new HistoryView(await store.HistoryAsync(RecordKind.Event, id, HttpContext.Viewer(), ct), undoError);
        return true;
    }
}
