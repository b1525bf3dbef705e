using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Persons;

public sealed class NewModel(RecordStore store, IStringLocalizer<TextLocalizer> t, InstanceSettings settings) : PersonEditor(store.Database)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!HttpContext.Viewer().CanEdit)
        {
            return Forbidden();
        }

        Input = PersonInput.New(settings.DefaultConfidentiality);
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!HttpContext.Viewer().CanEdit)
        {
            return Forbidden();
        }

        var person = await PersonForm.ToPersonAsync(Input, null, Db, ModelState, t, ct);
        if (person is null)
        {
            return await FormAsync(ct);
        }

        try
        {
            var created = await store.CreateAsync(person, Editing.Actor(HttpContext), ct);
            return Redirect($"/persons/{created.Id}?notice=created");
        }
        catch (ValidationException e)
        {
            AddErrors(e);
            return await FormAsync(ct);
        }
    }
}
