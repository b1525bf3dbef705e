using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Places;

public sealed class DetailsModel(RecordStore store) : PageModel
{
    public Place Place { get; private set; } = null!;

    public IReadOnlyList<(long Id, string Name)> Lineage { get; private set; } = [];

    public IReadOnlyList<PlaceItem> Children { get; private set; } = [];

    public IReadOnlyList<PlaceEvent> Events { get; private set; } = [];

    public long EventTotal { get; private set; }

    public IReadOnlyList<PlacePerson> People { get; private set; } = [];

    public long PeopleTotal { get; private set; }

    public IReadOnlyList<PlaceOrganization> Organizations { get; private set; } = [];

    public RecordHistory History { get; private set; } = new([]);

    /// <summary>The page of people (and of events) under the place.</summary>
    /// <remarks>"p", not "page": Razor Pages keeps the page's own path in the route value "page".</remarks>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUndoAsync(long id, long revision, CancellationToken ct)
    {
        if (Editing.Refusal(HttpContext) is { } refusal)
        {
            return refusal;
        }

        var refused = await RecordHistory.UndoAsync(store, RecordKind.Place, id, revision, Editing.Actor(HttpContext), ct);
        if (refused is null)
        {
            return Redirect($"/places/{id}?undone=1");
        }

        return await LoadAsync(id, refused, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, string? undoError, CancellationToken ct)
    {
        var viewer = HttpContext.Viewer();
        var place = await store.GetAsync<Place>(id, viewer, ct);
        if (place is null)
        {
            return false;
        }

        Place = place;
        PageNumber = Math.Max(PageNumber, 1);
        var db = store.Database;
        Lineage = await PlaceQueries.LineageAsync(db, viewer, id, ct);
        Children = await PlaceQueries.ChildrenAsync(db, viewer, id, ct);
        (Events, EventTotal) = await PlaceQueries.EventsUnderAsync(db, viewer, id, PageNumber, ct);
        (People, PeopleTotal) = await PlaceQueries.PeopleUnderAsync(db, viewer, id, PageNumber, ct);
        Organizations = await PlaceQueries.OrganizationsUnderAsync(db, viewer, id, ct);
        History = new RecordHistory(await store.HistoryAsync(RecordKind.Place, id, HttpContext.Viewer(), ct), undoError, Request.Query.ContainsKey("undone"));
        return true;
    }
}
