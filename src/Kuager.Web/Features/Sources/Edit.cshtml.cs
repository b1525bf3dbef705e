using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Sources;

[EditorsOnly]
public sealed class EditModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : SourceFormPage(store, texts)
{
    public long Id { get; private set; }

    public string Title { get; private set; } = "";

    public override string FormAction => $"/sources/{Id}/edit";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var source = await Store.GetAsync<Source>(id, HttpContext.Viewer(), ct);
        if (source is null)
        {
            return NotFound();
        }

        (Id, Title) = (id, source.Title);
        Input = SourceInput.From(source);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var source = await Store.GetAsync<Source>(id, HttpContext.Viewer(), ct);
        if (source is null)
        {
            return NotFound();
        }

        (Id, Title) = (id, source.Title);
        var saved = await SaveAsync(source, ct);
        return saved is null ? Page() : Redirect($"/sources/{saved.Id}?saved=1");
    }
}
