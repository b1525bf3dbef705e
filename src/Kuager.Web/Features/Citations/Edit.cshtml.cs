using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Citations;

[EditorsOnly]
public sealed class EditModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : CitationFormPage(store, texts)
{
    public long Id { get; private set; }

    public override string FormAction => $"/citations/{Id}/edit";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var citation = await Store.GetAsync<Citation>(id, HttpContext.Viewer(), ct);
        if (citation is null)
        {
            return NotFound();
        }

        Id = id;
        await LoadSourceAsync(citation.SourceId, ct);
        Input = CitationInput.From(citation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var citation = await Store.GetAsync<Citation>(id, HttpContext.Viewer(), ct);
        if (citation is null)
        {
            return NotFound();
        }

        Id = id;
        await LoadSourceAsync(citation.SourceId, ct);
        var saved = await SaveAsync(citation, ct);
        return saved is null ? Page() : Redirect($"/sources/{saved.SourceId}?saved=1#citations");
    }
}
