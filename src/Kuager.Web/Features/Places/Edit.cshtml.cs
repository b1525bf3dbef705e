using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Places;

[EditorsOnly]
public sealed class EditModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : PlaceFormPage(store, texts)
{
    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public override string FormAction => $"/places/{Id}/edit";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var place = await Store.GetAsync<Place>(id, HttpContext.Viewer(), ct);
        if (place is null)
        {
            return NotFound();
        }

        (Id, Name) = (id, place.Name);
        Input = PlaceInput.From(place, await PlaceQueries.PathOfAsync(Store.Database, HttpContext.Viewer(), place.ParentId, ct));
        Input.Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var place = await Store.GetAsync<Place>(id, HttpContext.Viewer(), ct);
        if (place is null)
        {
            return NotFound();
        }

        (Id, Name) = (id, place.Name);
        var saved = await SaveAsync(place, ct);
        if (saved is not null)
        {
            return Redirect($"/places/{saved.Id}?saved=1");
        }

        Input.Pad();
        return Page();
    }
}
