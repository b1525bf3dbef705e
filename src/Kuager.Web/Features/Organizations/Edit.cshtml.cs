using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Places;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Organizations;

[EditorsOnly]
public sealed class EditModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : OrganizationFormPage(store, texts)
{
    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public override string FormAction => $"/organizations/{Id}/edit";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var organization = await Store.GetAsync<Organization>(id, HttpContext.Viewer(), ct);
        if (organization is null)
        {
            return NotFound();
        }

        (Id, Name) = (id, organization.Name);
        Input = OrganizationInput.From(organization, await PlaceQueries.PathOfAsync(Store.Database, HttpContext.Viewer(), organization.PlaceId, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var organization = await Store.GetAsync<Organization>(id, HttpContext.Viewer(), ct);
        if (organization is null)
        {
            return NotFound();
        }

        (Id, Name) = (id, organization.Name);
        var saved = await SaveAsync(organization, ct);
        return saved is null ? Page() : Redirect($"/organizations/{saved.Id}?saved=1");
    }
}
