using System.Globalization;
using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Events;

public sealed class IndexModel(RecordStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyDictionary<string, EventType> Vocabulary { get; private set; } = new Dictionary<string, EventType>();

    public EventPage Result { get; private set; } = new([], new Dictionary<long, IReadOnlyList<EventPerson>>(), 0);

    public bool FromInvalid { get; private set; }

    public bool ToInvalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Vocabulary = await EventTypes.LoadAsync(store.Database, ct);
        PageNumber = Math.Max(PageNumber, 1);

        // "2017" or "2018-06" work as bounds too: from the start of the first, to the end of the last.
        FromInvalid = !FormValues.TryReadDate(From, null, out var from);
        ToInvalid = !FormValues.TryReadDate(To, null, out var to);
        var type = FormValues.Trimmed(Type) is { } t && Vocabulary.ContainsKey(t) ? t : null;
        var filter = new EventFilter(type, from?.Start, to?.End, FormValues.Trimmed(Place), Person);
        Result = await EventList.ListAsync(store, HttpContext.Viewer(), filter, PageNumber, Paging.PageSize, ct);
    }

    public string PageUrl(int page) => Paging.Url("/events",
    [
        new("type", Type), new("from", From), new("to", To), new("place", Place),
        new("person", Person?.ToString(CultureInfo.InvariantCulture)),
    ], page);
}
