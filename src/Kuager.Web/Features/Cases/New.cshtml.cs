using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Cases;

[EditorsOnly]
public sealed class NewModel(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : CaseFormPage(db, store, t)
{
    public override string BackUrl => "/cases";

    /// <summary>/cases/new?person=ID starts the form with that person as the applicant.</summary>
    public async Task<IActionResult> OnGetAsync(long? person, CancellationToken ct)
    {
        if (person is { } id && await Store.GetAsync<Person>(id, HttpContext.Viewer(), ct) is { } applicant)
        {
            Input.Parties.Add(new PartyInput { Role = WireCode.Of(CasePartyRole.Applicant), Person = applicant.ExternalId });
        }

        Input.Kind = WireCode.Of(CaseKind.Asylum);
        Input.Status = WireCode.Of(CaseStatus.Open);
        Input.Confidentiality = WireCode.Of(Confidentiality.Restricted);
        return Form();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(0, null, ct);
}
