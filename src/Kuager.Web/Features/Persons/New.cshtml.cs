using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Persons;

public sealed class NewModel(RecordStore store, IStringLocalizer<TextLocalizer> t) : PersonEditor(store.Database)
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input = new PersonInput { Names = [new NameInput { Kind = "primary" }] };
        return FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
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
