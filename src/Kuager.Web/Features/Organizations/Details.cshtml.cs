using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Organizations;

public sealed class DetailsModel(RecordStore store) : PageModel
{
    public Organization Organization { get; private set; } = null!;

    public string? PlacePath { get; private set; }

    public IReadOnlyList<OrganizationEvent> Events { get; private set; } = [];

    public IReadOnlyList<OrganizationCase> Cases { get; private set; } = [];

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

        var refused = await RecordHistory.UndoAsync(store, RecordKind.Organization, id, revision, Editing.Actor(HttpContext), ct);
        if (refused is null)
        {
            return Redirect($"/organizations/{id}?undone=1");
        }

        return await LoadAsync(id, refused, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, string? undoError, CancellationToken ct)
    {
        var viewer = HttpContext.Viewer();
        var found = await store.GetAsync<Organization>(id, viewer, ct);
        if (found is null)
        {
            return false;
        }

        Organization organization;
        await using (var connection = await store.Database.OpenAsync(ct))
        {
            organization = Organization = (await Shown.WithoutHiddenLinksAsync(connection, found, viewer))!;
        }

        PlacePath = await PlaceQueries.PathOfAsync(store.Database, HttpContext.Viewer(), organization.PlaceId, ct);
        Events = await OrganizationQueries.EventsAsync(store.Database, viewer, id, ct);
        Cases = await OrganizationQueries.CasesAsync(store.Database, viewer, id, ct);
        History = new RecordHistory(await store.HistoryAsync(RecordKind.Organization, id, HttpContext.Viewer(), ct), undoError, Request.Query.ContainsKey("undone"));
        return true;
    }
}
