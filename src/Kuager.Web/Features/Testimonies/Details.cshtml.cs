using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Testimonies;

public sealed class DetailsModel(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : PageModel
{
    public Testimony Testimony { get; private set; } = null!;

    public IReadOnlyDictionary<long, PersonRef> Persons { get; private set; } = new Dictionary<long, PersonRef>();

    public IReadOnlyDictionary<long, string> Places { get; private set; } = new Dictionary<long, string>();

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

        var error = await RecordHistory.UndoAsync(store, RecordKind.Testimony, id, revision, Editing.Actor(HttpContext), t, ct);
        if (error is null)
        {
            return Redirect(await store.GetAsync<Testimony>(id, HttpContext.Viewer(), ct) is null ? "/testimonies" : $"/testimonies/{id}");
        }

        return await LoadAsync(id, error, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, string? undoError, CancellationToken ct)
    {
        var viewer = HttpContext.Viewer();
        if (await store.GetAsync<Testimony>(id, viewer, ct) is not { } found)
        {
            return false;
        }

        await using (var connection = await db.OpenAsync(ct))
        {
            // A subject or testifier the viewer may not see is left out.
            var testimony = Testimony = (await Shown.WithoutHiddenLinksAsync(connection, found, viewer))!;
            Persons = await RecordLinks.PersonsAsync(connection, [testimony.TestifierPersonId, testimony.SubjectPersonId], viewer, store, ct);
            Places = await RecordLinks.PlacesAsync(connection, [testimony.RecordedAtPlaceId], viewer, store, ct);
        }

        History = new HistoryView(await store.HistoryAsync(RecordKind.Testimony, id, HttpContext.Viewer(), ct), undoError);
        return true;
    }
}
