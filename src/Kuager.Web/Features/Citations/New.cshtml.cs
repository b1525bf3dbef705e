using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Citations;

[EditorsOnly]
public sealed class NewModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : CitationFormPage(store, texts)
{
    public override string FormAction => "/citations/new";

    public async Task<IActionResult> OnGetAsync(long source, CancellationToken ct)
    {
        if (!await LoadSourceAsync(source, ct))
        {
            return NotFound();
        }

        Input.SourceId = source;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadSourceAsync(Input.SourceId, ct))
        {
            return NotFound();
        }

        var saved = await SaveAsync(null, ct);
        return saved is null ? Page() : Redirect($"/sources/{saved.SourceId}?saved=1#citations");
    }
}
