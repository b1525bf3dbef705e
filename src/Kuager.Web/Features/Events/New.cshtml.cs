using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Events;

[EditorsOnly]
public sealed class NewModel(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : EventFormPage(db, store, t)
{
    public override string BackUrl => "/events";

    /// <summary>/events/new?person=ID starts the form with that person as the subject.</summary>
    public async Task<IActionResult> OnGetAsync(long? person, CancellationToken ct)
    {
        if (person is { } id && await Store.GetAsync<Person>(id, HttpContext.Viewer(), ct) is { } subject)
        {
            Input.Participants.Add(new ParticipantInput { Role = WireCode.Of(ParticipantRole.Subject), Person = subject.ExternalId });
        }

        Input.Confidentiality = WireCode.Of(Confidentiality.Restricted);
        return await FormAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(0, null, ct);
}
