using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Events;

[EditorsOnly]
public sealed class EditModel(Database db, RecordStore store, IStringLocalizer<TextLocalizer> t) : EventFormPage(db, store, t)
{
    public long Id { get; private set; }

    public override string BackUrl => $"/events/{Id}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (await Store.GetAsync<Event>(id, HttpContext.Viewer(), ct) is not { } current)
        {
            return NotFound();
        }

        await using (var connection = await Db.OpenAsync(ct))
        {
            Input = await EventForm.FromAsync(connection, current, HttpContext.Viewer());
        }

        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (await Store.GetAsync<Event>(id, HttpContext.Viewer(), ct) is not { } current)
        {
            return NotFound();
        }

        return await SaveAsync(id, current, ct);
    }
}
