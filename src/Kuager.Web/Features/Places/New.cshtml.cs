using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Places;

[EditorsOnly]
public sealed class NewModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : PlaceFormPage(store, texts)
{
    public override string FormAction => "/places/new";

    public async Task OnGetAsync(long? parent, CancellationToken ct)
    {
        Input.ParentPath = await PlaceQueries.PathOfAsync(Store.Database, HttpContext.Viewer(), parent, ct);
        Input.Pad();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await SaveAsync(null, ct);
        if (saved is not null)
        {
            return Redirect($"/places/{saved.Id}?saved=1");
        }

        Input.Pad();
        return Page();
    }
}
