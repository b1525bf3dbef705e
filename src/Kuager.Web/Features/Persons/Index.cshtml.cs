using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Persons;

public sealed class IndexModel(RecordStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PersonFilter Filter { get; set; } = new();

    public PersonListResult Result { get; private set; } = new([], 0, new Dictionary<string, string>());

    public PersonFilterChoices Choices { get; private set; } = new([], [], [], [], []);

    public int PageNumber => Math.Max(Filter.P, 1);

    public int PageCount => (int)Math.Max(1, (Result.Total + PersonList.PageSize - 1) / PersonList.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unparseable numbers (page=abc) are model-state errors; the list shows page 1 rather than failing.
        ModelState.Clear();
        var viewer = HttpContext.Viewer();
        Choices = await PersonList.ChoicesAsync(store.Database, viewer, ct);
        Result = await PersonList.QueryAsync(store.Database, Filter, viewer, ct);
        await store.AuditReadAsync(viewer, RecordKind.Person,
            Result.Rows.Where(r => r.Confidentiality == WireCode.Of(Confidentiality.Confidential)).Select(r => r.Id).ToList(), ct);
    }

    /// <summary>The list URL for another page, keeping every filter.</summary>
    public string PageUrl(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/persons",
            Filter.Query().Append(new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
