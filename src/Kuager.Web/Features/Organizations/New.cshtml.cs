using Kuager.Storage;
using Kuager.Web.Features.Places;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Organizations;

[EditorsOnly]
public sealed class NewModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : OrganizationFormPage(store, texts)
{
    public override string FormAction => "/organizations/new";

    public async Task OnGetAsync(long? place, CancellationToken ct) =>
        Input.PlacePath = await PlaceQueries.PathOfAsync(Store.Database, HttpContext.Viewer(), place, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await SaveAsync(null, ct);
        return saved is null ? Page() : Redirect($"/organizations/{saved.Id}?saved=1");
    }
}
