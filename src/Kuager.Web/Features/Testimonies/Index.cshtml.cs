using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Testimonies;

public sealed class IndexModel(RecordStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Medium { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Consent { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public TestimonyPage Result { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        var filter = new TestimonyFilter(
            WireCode.TryParse<TestimonyMedium>(Medium, out var medium) ? medium : null,
            WireCode.TryParse<Consent>(Consent, out var consent) ? consent : null,
            FormValues.Trimmed(Language));
        Result = await TestimonyList.ListAsync(store, HttpContext.Viewer(), filter, PageNumber, Paging.PageSize, ct);
    }

    public string PageUrl(int page) => Paging.Url("/testimonies", [new("medium", Medium), new("consent", Consent), new("language", Language)], page);
}
