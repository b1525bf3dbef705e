using Kuager.Storage;
using Kuager.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kuager.Web.Features.Sources;

[EditorsOnly]
public sealed class NewModel(RecordStore store, IStringLocalizer<TextLocalizer> texts) : SourceFormPage(store, texts)
{
    public override string FormAction => "/sources/new";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await SaveAsync(null, ct);
        return saved is null ? Page() : Redirect($"/sources/{saved.Id}?saved=1");
    }
}
