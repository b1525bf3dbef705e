using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Testimonies;

[RequestSizeLimit(TestimonyFormPage.MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = TestimonyFormPage.MaxUpload, ValueLengthLimit = TestimonyFormPage.MaxText)]
[EditorsOnly]
public sealed class NewModel(Database db, RecordStore store, FileStore files, IStringLocalizer<TextLocalizer> t) : TestimonyFormPage(db, store, files, t)
{
    public override string BackUrl => "/testimonies";

    /// <summary>/testimonies/new?person=ID starts the form with that person as the subject.</summary>
    public async Task<IActionResult> OnGetAsync(long? person, CancellationToken ct)
    {
        if (person is { } id && await Store.GetAsync<Person>(id, HttpContext.Viewer(), ct) is { } subject)
        {
            Input.Subject = subject.ExternalId;
        }

        Input.Relation = WireCode.Of(TestimonyRelation.Other);
        Input.Medium = WireCode.Of(TestimonyMedium.Video);
        Input.Consent = WireCode.Of(Consent.InternalUseOnly);
        Input.Confidentiality = WireCode.Of(Confidentiality.Confidential);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(0, null, ct);
}
