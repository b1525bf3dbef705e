using System.Data.Common;
using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage;

namespace Kuager.Web.Features.Persons;

/// <summary>What the people list is filtered by; every field is a GET parameter of the filter form.</summary>
public sealed class PersonFilter
{
    public string? Q { get; set; }

    public string? Status { get; set; }

    public string? Ethnicity { get; set; }

    public string? Citizenship { get; set; }

    /// <summary>A place id: people whose hometown is this place or anywhere inside it.</summary>
    public long? Place { get; set; }

    /// <summary>An event type code: people who are the subject of such an event.</summary>
    public string? EventType { get; set; }

    /// <summary>Canonical fuzzy dates ("2017", "2017-03", "2017-03-01"): people with an event starting within.</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>0 to 4: people with a citation at least this strong on themselves or on one of their events.</summary>
    public int? Evidence { get; set; }

    /// <summary>The page number, as "p": "page" is the route value Razor Pages names the page by.</summary>
    public int P { get; set; } = 1;

    /// <summary>The filter as query parameters (blank ones left out), for paging links that keep the filters.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query()
    {
        var pairs = new (string Key, string? Value)[]
        {
            ("q", Q), ("status", Status), ("ethnicity", Ethnicity), ("citizenship", Citizenship),
            ("place", Place?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("eventType", EventType), ("from", From), ("to", To),
            ("evidence", Evidence?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));
    }
}

public sealed class PersonRow
{
    public long Id { get; init; }

    public string ExternalId { get; init; } = "";

    public string PrimaryName { get; init; } = "";

    public string Status { get; init; } = "";

    public string? Ethnicity { get; init; }

    public int? BirthYear { get; init; }

    public string? Hometown { get; init; }

    /// <summary>The record's level (wire code), so an editor's view of confidential people can be audited.</summary>
    public string Confidentiality { get; init; } = "";
}

public sealed record PersonListResult(IReadOnlyList<PersonRow> Rows, long Total, IReadOnlyDictionary<string, string> Errors);

/// <summary>The choices of the filter form, read from the data and the event vocabulary.</summary>
public sealed record PersonFilterChoices(
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Ethnicities,
    IReadOnlyList<string> Citizenships,
    IReadOnlyList<(long Id, string Path)> Places,
    IReadOnlyList<EventType> EventTypes);

/// <summary>
/// The people list: one SQL query over the projection columns, each filter a semi-join (IN) on an indexed child
/// table, so the planner starts from the most selective index and no filter loops over records.
/// </summary>
public static class PersonList
{
    public const int PageSize = 50;

    /// <summary>Beyond this many places the place filter offers only the upper levels (country, region, prefecture).</summary>
    // Beyond this the place filter offers the top three levels (country, region, prefecture): a list page must not
    // carry thousands of options (measured: 450 places made each page 115 KB and doubled its time).
    private const int MaxPlaceChoices = 200;

    /// <summary>
    /// One page of the people this viewer may see, and their total. Every record table a filter reads (events,
    /// citations, places) keeps to the visible records too, so no filter answers from a record the viewer may not see.
    /// </summary>
    public static async Task<PersonListResult> QueryAsync(Database db, PersonFilter f, Viewer viewer, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        // Every condition here matches a partial index's "deleted_at IS NULL", so counts and pages are read from indexes.
        var where = new List<string> { "p.deleted_at IS NULL", Visibility.Sql(viewer, "p") };
        var args = new DynamicParameters();

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = NameText.Normalize(f.Q);
            where.Add("p.id IN (SELECT n.person_id FROM person_names n WHERE LOWER(n.text) LIKE @lower OR n.text LIKE @typed)");
            args.Add("lower", "%" + text.ToLowerInvariant() + "%");
            args.Add("typed", "%" + text + "%");
        }

        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            where.Add("p.status = @status");
            args.Add("status", f.Status);
        }

        if (!string.IsNullOrWhiteSpace(f.Ethnicity))
        {
            where.Add("p.ethnicity = @ethnicity");
            args.Add("ethnicity", f.Ethnicity);
        }

        if (!string.IsNullOrWhiteSpace(f.Citizenship))
        {
            where.Add("p.id IN (SELECT c.person_id FROM person_citizenships c WHERE c.country = @citizenship)");
            args.Add("citizenship", f.Citizenship);
        }

        await using var connection = await db.OpenAsync(ct);
        if (f.Place is { } placeId)
        {
            var path = await connection.ExecuteScalarAsync<string?>(
                $"SELECT pl.path FROM places pl WHERE pl.id = @placeId AND pl.deleted_at IS NULL AND {Visibility.Sql(viewer, "pl")}", new { placeId });
            if (path is null)
            {
                errors["place"] = "persons.UnknownPlace";
                where.Add("1 = 0");
            }
            else
            {
                // The subtree by path prefix: substr compares exactly, where LIKE would read % and _ in a name as wildcards.
                var prefix = path + Place.PathSeparator;
                where.Add($"p.hometown_id IN (SELECT pl.id FROM places pl WHERE {Visibility.Sql(viewer, "pl")} AND (pl.path = @path OR substr(pl.path, 1, @prefixLength) = @prefix))");
                args.Add("path", path);
                args.Add("prefix", prefix);
                args.Add("prefixLength", prefix.Length);
            }
        }

        var from = ParseBound(f.From, "from", errors);
        var to = ParseBound(f.To, "to", errors);
        var dated = new List<string>();
        if (from is not null)
        {
            dated.Add("e.date_sort >= @fromSort");
            args.Add("fromSort", from.Start.DayNumber * 100000L);
        }

        if (to is not null)
        {
            dated.Add("e.date_sort < @toSort");
            args.Add("toSort", (to.End.DayNumber + 1) * 100000L);
        }

        if (!string.IsNullOrWhiteSpace(f.EventType))
        {
            // With a date range too, one event must match both: "detained in 2017", not "detained once, something in 2017".
            where.Add("p.id IN (SELECT ep.person_id FROM events e JOIN event_participants ep ON ep.event_id = e.id " +
                $"WHERE e.type = @eventType AND ep.role = 'subject' AND e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")}" + string.Concat(dated.Select(d => " AND " + d)) + ")");
            args.Add("eventType", f.EventType);
        }
        else if (dated.Count > 0)
        {
            where.Add("p.id IN (SELECT ep.person_id FROM events e JOIN event_participants ep ON ep.event_id = e.id " +
                $"WHERE e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")} AND " + string.Join(" AND ", dated) + ")");
        }

        if (f.Evidence is { } level)
        {
            if (level is < 0 or > 4)
            {
                errors["evidence"] = "persons.EvidenceRange";
            }
            else
            {
                // The citation and its source must be visible (and the event, for a citation of an event).
                var cited = $"c.level >= @level AND c.deleted_at IS NULL AND {Visibility.Sql(viewer, "c")} " +
                    $"AND c.source_id IN (SELECT s.id FROM sources s WHERE s.deleted_at IS NULL AND {Visibility.Sql(viewer, "s")})";
                where.Add($"(p.id IN (SELECT c.target_id FROM citations c WHERE c.target_kind = 'person' AND {cited}) " +
                    "OR p.id IN (SELECT ep.person_id FROM citations c JOIN event_participants ep ON ep.event_id = c.target_id " +
                    "JOIN events e ON e.id = c.target_id " +
                    $"WHERE c.target_kind = 'event' AND {cited} AND e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")}))");
                args.Add("level", level);
            }
        }

        var filter = string.Join(" AND ", where);
        var page = Math.Max(f.P, 1);
        args.Add("take", PageSize);
        args.Add("skip", (long)(page - 1) * PageSize);
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM persons p WHERE {filter}", args);
        var rows = await connection.QueryAsync<PersonRow>(
            "SELECT p.id AS Id, p.external_id AS ExternalId, p.primary_name AS PrimaryName, p.status AS Status, p.ethnicity AS Ethnicity, " +
            "p.birth_year AS BirthYear, h.path AS Hometown, p.confidentiality AS Confidentiality " +
            $"FROM persons p LEFT JOIN places h ON h.id = p.hometown_id AND {Visibility.Sql(viewer, "h")} WHERE {filter} ORDER BY p.primary_name, p.id LIMIT @take OFFSET @skip",
            args);
        return new PersonListResult(rows.ToList(), total, errors);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime At, PersonFilterChoices Choices)> RecentChoices = new();

    /// <summary>
    /// The values the filters offer. They change rarely and cost a scan of an index each, so they are kept for half a
    /// minute per database (the lists themselves are always read fresh).
    /// </summary>
    /// <summary>The choices as this viewer may see them: kept apart per clearance, so no choice comes from a hidden record.</summary>
    public static async Task<PersonFilterChoices> ChoicesAsync(Database db, Viewer viewer, CancellationToken ct)
    {
        var key = db.Display + "|" + WireCode.Of(viewer.Clearance);
        if (RecentChoices.TryGetValue(key, out var recent) && DateTime.UtcNow - recent.At < TimeSpan.FromSeconds(30))
        {
            return recent.Choices;
        }

        var choices = await ReadChoicesAsync(db, viewer, ct);
        RecentChoices[key] = (DateTime.UtcNow, choices);
        return choices;
    }

    /// <summary>Forgets the cached choices of a database (after a change a test or a page must see at once).</summary>
    public static void ForgetChoices(Database db)
    {
        foreach (var key in RecentChoices.Keys.Where(k => k.StartsWith(db.Display + "|", StringComparison.Ordinal)))
        {
            RecentChoices.TryRemove(key, out _);
        }
    }

    private static async Task<PersonFilterChoices> ReadChoicesAsync(Database db, Viewer viewer, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // "deleted_at IS NULL" lets this read the partial ethnicity index instead of every person's row.
        var ethnicities = await connection.QueryAsync<string>(
            $"SELECT DISTINCT p.ethnicity FROM persons p WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} AND p.ethnicity IS NOT NULL ORDER BY p.ethnicity");
        var citizenships = await connection.QueryAsync<string>(
            "SELECT DISTINCT c.country FROM person_citizenships c JOIN persons p ON p.id = c.person_id " +
            $"WHERE p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")} ORDER BY c.country");
        var places = await PlacesAsync(connection, viewer);
        var types = await EventTypes.LoadAsync(connection);
        return new PersonFilterChoices(
            WireCode.All<PersonStatus>(),
            ethnicities.ToList(),
            citizenships.ToList(),
            places,
            types.Values.OrderBy(t => t.Region).ThenBy(t => t.Label, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>Every place by path, for the place filter and the hometown field's suggestions.</summary>
    public static async Task<IReadOnlyList<(long Id, string Path)>> PlacesAsync(DbConnection connection, Viewer viewer)
    {
        var visible = Visibility.Sql(viewer, "pl");
        var count = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM places pl WHERE pl.deleted_at IS NULL AND {visible}");
        var sql = count <= MaxPlaceChoices
            ? $"SELECT pl.id, pl.path FROM places pl WHERE pl.deleted_at IS NULL AND {visible} ORDER BY pl.path"
            : $"SELECT pl.id, pl.path FROM places pl WHERE pl.deleted_at IS NULL AND {visible} AND (pl.parent_id IS NULL OR pl.parent_id IN " +
              "(SELECT a.id FROM places a WHERE a.parent_id IS NULL OR a.parent_id IN (SELECT b.id FROM places b WHERE b.parent_id IS NULL))) ORDER BY pl.path";
        return (await connection.QueryAsync<(long, string)>(sql)).Take(MaxPlaceChoices).ToList();
    }

    private static FuzzyDate? ParseBound(string? value, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (FuzzyDate.TryParseCanonical(value, out var date, out _) || FuzzyDate.TryParseText(value, null, out date))
        {
            return date;
        }

        errors[field] = "persons.DateNotUnderstood";
        return null;
    }
}
