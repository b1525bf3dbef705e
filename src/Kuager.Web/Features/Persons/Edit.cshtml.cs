using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Persons;

public sealed class EditModel(RecordStore store, IStringLocalizer<TextLocalizer> t) : PersonEditor(store.Database)
{
    public string? Name { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!HttpContext.Viewer().CanEdit)
        {
            return Forbidden();
        }

        var person = await store.GetAsync<Person>(id, HttpContext.Viewer(), ct);
        if (person is null)
        {
            return Missing();
        }

        Show(person);
        Input = PersonInput.From(person, await PersonForm.PlacePathAsync(Db, person.HometownId, ct));
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!HttpContext.Viewer().CanEdit)
        {
            return Forbidden();
        }

        var current = await store.GetAsync<Person>(id, HttpContext.Viewer(), ct);
        if (current is null)
        {
            return Missing();
        }

        Show(current);
        var person = await PersonForm.ToPersonAsync(Input, current, Db, ModelState, t, ct);
        if (person is null)
        {
            return await FormAsync(ct);
        }

        try
        {
            await store.UpdateAsync(person, Editing.Actor(HttpContext), ct);
            return Redirect($"/persons/{id}?notice=saved");
        }
        catch (StaleEditException e)
        {
            // The user's input stays in the form; saving again applies it on top of the version now current.
            Conflict = EditConflict.From(e);
            ModelState.Remove($"{PersonForm.Prefix}.{nameof(PersonInput.Version)}");
            Input.Version = e.CurrentVersion;
            return await FormAsync(ct);
        }
        catch (ValidationException e)
        {
            AddErrors(e);
            return await FormAsync(ct);
        }
    }

    private void Show(Person person)
    {
        PersonId = person.Id;
        Name = person.PrimaryName.Text;
    }
}
