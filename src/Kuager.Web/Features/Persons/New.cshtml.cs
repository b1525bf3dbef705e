using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Duplicates;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Persons;

public sealed class NewModel(RecordStore store, IStringLocalizer<TextLocalizer> t, InstanceSettings settings) : PersonEditor(store.Database)
{
    /// <summary>Set by the "create anyway" button: the volunteer saw the likely matches and says this is someone else.</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!HttpContext.Viewer().CanEdit)
        {
            return Forbidden();
        }

        Input = PersonInput.New(settings.DefaultConfidentiality);
        Candidates = [];
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!HttpContext.Viewer().CanEdit)
        {
            return Forbidden();
        }

        Candidates = [];
        var person = await PersonForm.ToPersonAsync(Input, null, Db, ModelState, t, ct);
        if (person is null)
        {
            return await FormAsync(ct);
        }

        // Nothing is saved while the person may already be recorded, until the volunteer says it is someone else.
        if (!Confirm)
        {
            Candidates = await DuplicateService.For(Db).CandidatesForAsync(person, HttpContext.Viewer(), ct);
            if (Candidates.Count > 0)
            {
                await store.AuditShownAsync(HttpContext.Viewer(), Candidates.Select(c => c.Person), ct);
                return await FormAsync(ct);
            }
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

    /// <summary>
    /// The likely matches of what the form says so far, as the panel's HTML (empty when there are none): the form's
    /// script asks for it as the name is typed. Nothing is saved.
    /// </summary>
    public async Task<IActionResult> OnPostCandidatesAsync(CancellationToken ct)
    {
        if (!HttpContext.Viewer().CanEdit)
        {
            return Forbidden();
        }

        var draft = await PersonForm.DraftAsync(Input, Db, t, ct);
        var candidates = draft is null ? [] : await DuplicateService.For(Db).CandidatesForAsync(draft, HttpContext.Viewer(), ct);
        await store.AuditShownAsync(HttpContext.Viewer(), candidates.Select(c => c.Person), ct);
        return Partial(CandidatePanel.View, new CandidatePanel(candidates));
    }
}
