using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Testimonies;

[RequestSizeLimit(TestimonyFormPage.MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = TestimonyFormPage.MaxUpload, ValueLengthLimit = TestimonyFormPage.MaxText)]
[EditorsOnly]
public sealed class EditModel(Database db, RecordStore store, FileStore files, IStringLocalizer<TextLocalizer> t) : TestimonyFormPage(db, store, files, t)
{
    public long Id { get; private set; }

    public override string BackUrl => $"/testimonies/{Id}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (await Store.GetAsync<Testimony>(id, HttpContext.Viewer(), ct) is not { } current)
        {
            return NotFound();
        }

        await using (var connection = await Db.OpenAsync(ct))
        {
            Input = await TestimonyForm.FromAsync(connection, current, HttpContext.Viewer());
        }

        AttachedFiles = current.Files;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (await Store.GetAsync<Testimony>(id, HttpContext.Viewer(), ct) is not { } current)
        {
            return NotFound();
        }

        return await SaveAsync(id, current, ct);
    }
}
