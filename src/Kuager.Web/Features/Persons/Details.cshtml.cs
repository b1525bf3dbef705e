using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Persons;

public sealed class DetailsModel(RecordStore store) : PageModel
{
    public Person Person { get; private set; } = null!;

    public IReadOnlyList<Revision> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var person = await store.GetAsync<Person>(id, ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        History = await store.HistoryAsync(RecordKind.Person, id, ct);
        return Page();
    }
}
