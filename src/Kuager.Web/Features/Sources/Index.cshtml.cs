using System.Globalization;
using Kuager.Core;
using Kuager.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kuager.Web.Features.Sources;

public sealed class IndexModel(Database db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>Sources dated from (canonical date: 2019, 2019-03, 2019-03-05).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <remarks>"p", not "page": Razor Pages keeps the page's own path in the route value "page".</remarks>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SourceItem> Items { get; private set; } = [];

    public long Total { get; private set; }

    public bool FromInvalid { get; private set; }

    public bool ToInvalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        var kind = WireCode.TryParse<SourceKind>(Kind, out var k) ? WireCode.Of(k) : null;
        Kind = kind;
        var from = Parse(From, out var fromInvalid);
        var to = Parse(To, out var toInvalid);
        (FromInvalid, ToInvalid) = (fromInvalid, toInvalid);
        (Items, Total) = await SourceQueries.ListAsync(db, HttpContext.Viewer(), kind, from, to, PageNumber, ct);
    }

    /// <summary>The query of this list with another page number.</summary>
    public string Link(int page)
    {
        var query = new List<KeyValuePair<string, string?>> { new("p", page.ToString(CultureInfo.InvariantCulture)) };
        if (Kind is not null)
        {
            query.Add(new("kind", Kind));
        }

        if (!string.IsNullOrWhiteSpace(From))
        {
            query.Add(new("from", From));
        }

        if (!string.IsNullOrWhiteSpace(To))
        {
            query.Add(new("to", To));
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/sources", query);
    }

    /// <summary>A date kept in a sort key (start day * 100000 + span), written as precisely as the span allows.</summary>
    public static string DateOf(long sortKey, CultureInfo culture)
    {
        var start = DateOnly.FromDayNumber((int)(sortKey / 100000));
        var end = start.AddDays((int)(sortKey % 100000));
        if (start == end)
        {
            return start.ToString("d", culture);
        }

        if (start.Day == 1 && end == new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month)))
        {
            return start.ToString("Y", culture);
        }

        if (start.DayOfYear == 1 && end == new DateOnly(start.Year, 12, 31))
        {
            return start.Year.ToString("D4", culture);
        }

        return start.ToString("d", culture) + " – " + end.ToString("d", culture);
    }

    private static FuzzyDate? Parse(string? text, out bool invalid)
    {
        invalid = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (FuzzyDate.TryParseCanonical(text, out var date, out _))
        {
            return date;
        }

        invalid = true;
        return null;
    }
}
