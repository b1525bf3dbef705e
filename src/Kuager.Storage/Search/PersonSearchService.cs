using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Search;

/// <summary>Finds people by name across scripts and spellings, kept to what the viewer may see.</summary>
public sealed partial class PersonSearch
{
    /// <summary>How many name matches are fetched for filtering when the query filters by more than the name.</summary>
    private const int FilteredPool = 1000;

    private PersonSearch(Database database) => Database = database;

    public Database Database { get; }

    /// <summary>The search over one database (one shared index per database per process).</summary>
    public static PersonSearch For(Database database) => new(database);

    /// <summary>Loads the index now (a server does this at start so the first search is not the slow one); returns how long it took.</summary>
    public async Task<IndexFigures> WarmUpAsync(CancellationToken ct = default)
    {
        var indexes = NameIndexes.For(Database);
        var index = await indexes.CurrentAsync(ct);
        return new IndexFigures(index.PersonCount, index.NameCount, index.VocabularyCount, indexes.LastLoad);
    }

    /// <summary>The people best matching the query, best first, at most <see cref="PersonQuery.Limit"/>.</summary>
    public async Task<IReadOnlyList<PersonMatch>> SearchAsync(PersonQuery query, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(viewer);
        var (text, year) = SplitYear(query.Text);
        var birthYear = query.BirthYear ?? year;
        var key = NameKeys.Of(text);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        if (key.Parts.Count == 0)
            return [];

        var index = await NameIndexes.For(Database).CurrentAsync(ct);
        var filtered = query.Status is not null || query.Ethnicity is not null || query.PlaceId is not null
            || query.From is not null || query.To is not null || query.MinEvidence is not null;
        var place = string.IsNullOrWhiteSpace(query.Place) ? null : NameText.Normalize(query.Place);
        var pool = filtered ? FilteredPool : Math.Max(limit * 2, birthYear is null && place is null ? limit : 50);
        var hits = index.Search(key, pool, (byte)viewer.Clearance);
        hits = hits.Where(h => h.Score >= query.MinScore).ToList();
        if (hits.Count == 0)
            return [];

        // Equal names: the one born in the year asked for (or a year either side), from the place asked for, first.
        var fromPlace = place is null ? [] : await FromPlaceAsync(hits, place, viewer, ct);
        var ranked = hits
            .OrderByDescending(h => Math.Round(h.Score, 3) + YearBonus(birthYear, h.BirthYear) + (fromPlace.Contains(h.PersonId) ? 0.002 : 0))
            .ThenBy(h => h.PersonId)
            .ToList();
        return await DetailsAsync(ranked, key, query, viewer, limit, ct);
    }

    /// <summary>Which of the people have a hometown (visible to the viewer) whose path names the place.</summary>
    private async Task<HashSet<long>> FromPlaceAsync(IReadOnlyList<NameHit> hits, string place, Viewer viewer, CancellationToken ct)
    {
        await using var c = await Database.OpenAsync(ct);
        var ids = string.Join(",", hits.Select(h => h.PersonId.ToString(CultureInfo.InvariantCulture)));
        var rows = await c.QueryAsync<(long Id, string Path)>(
            $"SELECT p.id, h.path FROM persons p JOIN places h ON h.id = p.hometown_id WHERE p.id IN ({ids}) AND {Visibility.Sql(viewer, "h")}");
        return rows.Where(r => r.Path.Contains(place, StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToHashSet();
    }

    private static double YearBonus(int? asked, int? born) => asked is null || born is null
        ? 0
        : Math.Abs(asked.Value - born.Value) switch { 0 => 0.002, 1 => 0.001, _ => 0 };

    /// <summary>A four-digit year (1900-2099) typed with the name is a birth year, not part of the name.</summary>
    private static (string Text, int? Year) SplitYear(string text)
    {
        int? year = null;
        var rest = YearPattern().Replace(text ?? string.Empty, m =>
        {
            year ??= int.Parse(m.Value, CultureInfo.InvariantCulture);
            return " ";
        });
        return (rest, year);
    }

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex YearPattern();

    /// <summary>The people's details and matched names, with the query's filters applied, in the ranked order.</summary>
    private async Task<IReadOnlyList<PersonMatch>> DetailsAsync(List<NameHit> ranked, NameKey key, PersonQuery query, Viewer viewer, int limit, CancellationToken ct)
    {
        await using var c = await Database.OpenAsync(ct);
        var result = new List<PersonMatch>(limit);
        foreach (var chunk in ranked.Chunk(200))
        {
            var ids = string.Join(",", chunk.Select(h => h.PersonId.ToString(CultureInfo.InvariantCulture)));
            var (filter, parameters) = Filters(query, viewer);
            var rows = (await c.QueryAsync<(long Id, string ExternalId, string Name, string Status, string Level)>(
                $"SELECT p.id, p.external_id, p.primary_name, p.status, p.confidentiality FROM persons p " +
                $"WHERE p.id IN ({ids}) AND p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")}{filter}", parameters)).ToDictionary(r => r.Id);
            if (rows.Count == 0)
                continue;
            var names = (await c.QueryAsync<(long PersonId, int Position, string Text, string Script)>(
                $"SELECT person_id, position, text, script FROM person_names WHERE person_id IN ({string.Join(",", rows.Keys)})"))
                .ToLookup(n => n.PersonId);
            foreach (var hit in chunk)
            {
                if (!rows.TryGetValue(hit.PersonId, out var row))
                    continue;
                var matched = Matched(names[hit.PersonId].ToList(), hit, key);
                result.Add(new PersonMatch(
                    row.Id, row.ExternalId, row.Name, Math.Round(hit.Score, 4), matched.Text ?? row.Name,
                    Scripts.TryParse(matched.Script, out var script) ? script : ScriptDetector.Detect(matched.Text ?? row.Name),
                    WireCode.Parse<PersonStatus>(row.Status), WireCode.Parse<Confidentiality>(row.Level)));
                if (result.Count == limit)
                    return result;
            }
        }

        return result;
    }

    /// <summary>
    /// The stored name to show as matched: the index's best, unless another name of the person scores as well and is
    /// written as the query is (the same text, or at least the same script): a query in Uyghur Arabic shows the
    /// person's Uyghur Arabic name, not the English one with the same key.
    /// </summary>
    private static (long PersonId, int Position, string Text, string Script) Matched(
        List<(long PersonId, int Position, string Text, string Script)> names, NameHit hit, NameKey key)
    {
        var best = names.FirstOrDefault(n => n.Position == hit.Position);
        var typed = names.Where(n => string.Equals(NameText.Normalize(n.Text), key.Text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (typed.Count > 0)
            return typed[0];
        if (best.Text is not null && best.Script == key.Script.Code())
            return best;
        foreach (var n in names.Where(n => n.Script == key.Script.Code() && n.Position != hit.Position))
        {
            var script = Scripts.TryParse(n.Script, out var s) ? s : key.Script;
            if (NameSimilarity.Score(key, NameKeys.Of(n.Text, script)).Score >= hit.Score - 1e-6)
                return n;
        }

        return best;
    }

    /// <summary>The query's filters as SQL over persons p (each joined record kept to the viewer's clearance too).</summary>
    private static (string Sql, DynamicParameters Parameters) Filters(PersonQuery query, Viewer viewer)
    {
        var sql = new System.Text.StringBuilder();
        var parameters = new DynamicParameters();
        if (query.Status is { } status)
        {
            sql.Append(" AND p.status = @status");
            parameters.Add("status", WireCode.Of(status));
        }

        if (!string.IsNullOrWhiteSpace(query.Ethnicity))
        {
            sql.Append(" AND LOWER(p.ethnicity) = LOWER(@ethnicity)");
            parameters.Add("ethnicity", query.Ethnicity.Trim());
        }

        if (query.PlaceId is { } place)
        {
            sql.Append(" AND p.hometown_id IN (SELECT h.id FROM places h, places a WHERE a.id = @place AND h.deleted_at IS NULL ")
                .Append($"AND {Visibility.Sql(viewer, "a")} AND (h.id = a.id OR h.path LIKE a.path || @separator || '%'))");
            parameters.Add("place", place);
            parameters.Add("separator", Place.PathSeparator.ToString());
        }

        if (query.From is not null || query.To is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM event_participants ep JOIN events e ON e.id = ep.event_id WHERE ep.person_id = p.id ")
                .Append($"AND e.deleted_at IS NULL AND {Visibility.Sql(viewer, "e")} AND e.date_sort IS NOT NULL");
            if (query.From is { } from)
            {
                // A date kept as a range (a month, a year) counts when it ends on or after the day asked for.
                sql.Append(" AND (e.date_sort / 100000) + (e.date_sort % 100000) >= @from");
                parameters.Add("from", (long)from.DayNumber);
            }

            if (query.To is { } to)
            {
                sql.Append(" AND e.date_sort / 100000 <= @to");
                parameters.Add("to", (long)to.DayNumber);
            }

            sql.Append(')');
        }

        if (query.MinEvidence is { } evidence)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM citations ci WHERE ci.target_kind = 'person' AND ci.target_id = p.id ")
                .Append($"AND ci.deleted_at IS NULL AND {Visibility.Sql(viewer, "ci")} AND ci.level >= @evidence)");
            parameters.Add("evidence", (int)evidence);
        }

        return (sql.ToString(), parameters);
    }
}

/// <summary>What the in-memory name index holds and how long it took to load.</summary>
public sealed record IndexFigures(int People, int Names, int Vocabulary, TimeSpan LoadTime);
