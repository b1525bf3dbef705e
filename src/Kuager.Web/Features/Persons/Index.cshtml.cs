using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Persons;

public sealed class IndexModel(Database db) : PageModel
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
        Choices = await PersonList.ChoicesAsync(db, ct);
        Result = await PersonList.QueryAsync(db, Filter, ct);
    }

    /// <summary>The list URL for another page, keeping every filter.</summary>
    public string PageUrl(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/persons",
            Filter.Query().Append(new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
