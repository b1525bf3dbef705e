using System.Globalization;
using Kuager.Core;
using Kuager.Storage.Search;

namespace Kuager.Web.Features.Search;

/// <summary>
/// What "search everywhere" is asked, as GET parameters shared by the page and the API: the text, and the filters on
/// people (status, ethnicity, hometown within a place, an event in a date range, evidence at least a level).
/// </summary>
public sealed class SearchFilter
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public string? Q { get; set; }

    public string? Status { get; set; }

    public string? Ethnicity { get; set; }

    public long? Place { get; set; }

    /// <summary>Dates as the people list takes them: "2017", "2017-03", "2017-03-01" or words ("spring 2017").</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>0 to 4.</summary>
    public int? Evidence { get; set; }

    public bool HasFilters => !string.IsNullOrWhiteSpace(Status) || !string.IsNullOrWhiteSpace(Ethnicity) || Place is not null
        || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To) || Evidence is not null;

    /// <summary>
    /// The person query, or the problems with the filters: field name to a localisation key. A date range is read
    /// as its widest span ("2017" to "2018" is 1 January 2017 to 31 December 2018).
    /// </summary>
    public (PersonQuery? Query, IReadOnlyDictionary<string, string> Errors) ToQuery(int limit)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        PersonStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (WireCode.TryParse<PersonStatus>(Status, out var s))
            {
                status = s;
            }
            else
            {
                errors["status"] = "search.UnknownStatus";
            }
        }

        if (Evidence is < 0 or > 4)
        {
            errors["evidence"] = "search.EvidenceRange";
        }

        if (Place is <= 0)
        {
            errors["place"] = "search.UnknownPlace";
        }

        var from = Bound(From, "from", errors)?.Start;
        var to = Bound(To, "to", errors)?.End;
        if (from is not null && to is not null && from > to)
        {
            errors["to"] = "search.ToBeforeFrom";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new PersonQuery(Q?.Trim() ?? "")
        {
            Limit = Math.Clamp(limit, 1, MaxLimit),
            Status = status,
            Ethnicity = string.IsNullOrWhiteSpace(Ethnicity) ? null : Ethnicity.Trim(),
            PlaceId = Place,
            From = from,
            To = to,
            MinEvidence = Evidence is { } e ? (EvidenceLevel)e : null,
        }, errors);
    }

    /// <summary>The filters as query parameters (blank ones left out), for links that keep them.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query()
    {
        var pairs = new (string Key, string? Value)[]
        {
            ("q", Q), ("status", Status), ("ethnicity", Ethnicity), ("place", Place?.ToString(CultureInfo.InvariantCulture)),
            ("from", From), ("to", To), ("evidence", Evidence?.ToString(CultureInfo.InvariantCulture)),
        };
        return pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));
    }

    private static FuzzyDate? Bound(string? value, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (FuzzyDate.TryParseCanonical(value.Trim(), out var date, out _) || FuzzyDate.TryParseText(value.Trim(), null, out date))
        {
            return date;
        }

        errors[field] = "persons.DateNotUnderstood";
        return null;
    }
}
