using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Cases;

[EditorsOnly]
public sealed class EditModel(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : CaseFormPage(db, store, t)
{
    public long Id { get; private set; }

    public override string BackUrl => $"/cases/{Id}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (await Store.GetAsync<Case>(id, HttpContext.Viewer(), ct) is not { } current)
        {
            return NotFound();
        }

        await using (var connection = await Db.OpenAsync(ct))
        {
            Input = await CaseForm.FromAsync(connection, current, HttpContext.Viewer());
        }

        return Form();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (await Store.GetAsync<Case>(id, HttpContext.Viewer(), ct) is not { } current)
        {
            return NotFound();
        }

        return await SaveAsync(id, current, ct);
    }
}
