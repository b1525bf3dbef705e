using System.Data.Common;
using System.Globalization;
using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage;

/// <summary>
/// Reads what duplicate detection needs from the projections (never a confidential value: projection columns are
/// written without them): people, their names keyed by the name library, hometown paths, relatives and sources.
/// </summary>
internal static class DuplicateProfiles
{
    /// <summary>Every person not deleted, or only those in <paramref name="ids"/>.</summary>
    public static Task<List<DuplicateProfile>> LoadAsync(DbConnection c, IReadOnlyCollection<long>? ids, CancellationToken ct) =>
        LoadAsync(c, ids, links: true, ct);

    /// <param name="links">Whether to read relatives and sources too (not for relatives read only for their names).</param>
    private static async Task<List<DuplicateProfile>> LoadAsync(DbConnection c, IReadOnlyCollection<long>? ids, bool links, CancellationToken ct)
    {
        var rows = new List<PersonRow>();
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string value) => interned.TryGetValue(value, out var known) ? known : interned[value] = value;
        foreach (var filter in Filters(ids, "p.id"))
        {
            await using var reader = await Query(c,
                $"SELECT p.id, p.external_id, p.primary_name, p.gender, p.birth_year, p.ethnicity, p.hometown_id, p.confidentiality " +
                $"FROM persons p WHERE p.deleted_at IS NULL{filter} ORDER BY p.id", ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new PersonRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    WireCode.TryParse<Gender>(reader.GetString(3), out var gender) ? gender : Gender.Unknown,
                    reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
                    reader.IsDBNull(5) ? null : Intern(reader.GetString(5)),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6),
                    WireCode.TryParse<Confidentiality>(reader.GetString(7), out var level) ? level : Confidentiality.Confidential));
            }
        }

        var index = new Dictionary<long, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i].Id] = i;
        }

        var names = await NamesAsync(c, ids, index, rows.Count, ct);
        var paths = await PlacePathsAsync(c, ct);
        // For some people only their own links are read (both columns are indexed); for everyone, the whole tables.
        var relatives = new Dictionary<long, List<long>>();
        var sources = new Dictionary<long, List<long>>();
        if (links)
        {
            foreach (var list in IdLists(ids))
            {
                var where = list is null ? "" : $" AND (person_a_id IN {list} OR person_b_id IN {list})";
                await PairsAsync(c, $"SELECT person_a_id, person_b_id FROM relationships WHERE deleted_at IS NULL{where}", index, both: true, ids is not null, relatives, ct);
            }

            foreach (var filter in Filters(ids, "target_id"))
            {
                await PairsAsync(c, $"SELECT target_id, source_id FROM citations WHERE target_kind = 'person' AND deleted_at IS NULL{filter}", index, both: false, ids is not null, sources, ct);
            }
        }


        // Relatives outside the set (when only some people are loaded) are read for their names.
        Dictionary<long, IReadOnlyList<NameKey>> outsideNames = [];
        if (ids is not null)
        {
            var outside = relatives.Values.SelectMany(r => r).Where(id => !index.ContainsKey(id)).Distinct().ToList();
            if (outside.Count > 0)
            {
                var others = await LoadAsync(c, outside, links: false, ct);
                outsideNames = others.ToDictionary(o => o.Id, o => o.Names);
            }
        }

        var profiles = new List<DuplicateProfile>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            IReadOnlyList<long> relativeIds = relatives.TryGetValue(row.Id, out var r) ? r : [];
            profiles.Add(new DuplicateProfile
            {
                Id = row.Id,
                ExternalId = row.ExternalId,
                Name = row.Name,
                Names = names[i] ?? [],
                BirthYear = row.BirthYear,
                Gender = row.Gender,
                Ethnicity = row.Ethnicity,
                HometownPath = row.HometownId is { } h && paths.TryGetValue(h, out var path) ? path : [],
                RelativeIds = relativeIds,
                SourceIds = sources.TryGetValue(row.Id, out var s) ? s : [],
                Confidentiality = row.Level,
            });
        }

        // Relatives' names: the relative's own keys, shared rather than copied.
        for (var i = 0; i < profiles.Count; i++)
        {
            if (profiles[i].RelativeIds.Count == 0)
            {
                continue;
            }

            var relativeNames = new List<NameKey>();
            foreach (var relative in profiles[i].RelativeIds)
            {
                if (index.TryGetValue(relative, out var at))
                {
                    relativeNames.AddRange(profiles[at].Names);
                }
                else if (outsideNames.TryGetValue(relative, out var keys))
                {
                    relativeNames.AddRange(keys);
                }
            }

            var relativeKeys = relativeNames.SelectMany(n => n.Parts).Where(p => !p.IsInitial)
                .Select(p => StringComparer.Ordinal.GetHashCode(p.Key)).Distinct().Order().ToArray();
            profiles[i] = profiles[i] with { RelativeNames = relativeNames, RelativeKeys = relativeKeys };
        }

        return profiles;
    }

    /// <summary>The hometown and the places it lies in, country first, for every place.</summary>
    public static async Task<Dictionary<long, long[]>> PlacePathsAsync(DbConnection c, CancellationToken ct)
    {
        var parents = new Dictionary<long, long?>();
        await using (var reader = await Query(c, "SELECT id, parent_id FROM places WHERE deleted_at IS NULL", ct))
        {
            while (await reader.ReadAsync(ct))
            {
                parents[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            }
        }

        var paths = new Dictionary<long, long[]>(parents.Count);
        foreach (var id in parents.Keys)
        {
            var path = new List<long>();
            long? at = id;
            while (at is { } place && path.Count < 32 && parents.TryGetValue(place, out var parent))
            {
                path.Add(place);
                at = parent;
            }

            path.Reverse();
            paths[id] = [.. path];
        }

        return paths;
    }

    /// <summary>
    /// Every person's names keyed by the name library (in parallel: it is the costly part of a load); forms that
    /// give the same keys are kept once, and equal words share one object.
    /// </summary>
    private static async Task<NameKey[]?[]> NamesAsync(DbConnection c, IReadOnlyCollection<long>? ids, Dictionary<long, int> index, int count, CancellationToken ct)
    {
        const int Batch = 65_536;
        var result = new NameKey[]?[count];
        var cache = new NameKeyCache();
        var batch = new List<(int Person, string Text, string Script)>(Batch);
        var keying = Task.CompletedTask;

        // Keyed a batch at a time (in parallel), so the texts of millions of names are never held at once; a batch is
        // keyed while the next is read (the reading takes one core, the keying what is left). Batches are stored in
        // the order read, so each person's names keep their order.
        async Task FlushAsync()
        {
            var full = batch;
            batch = new List<(int Person, string Text, string Script)>(Batch);
            await keying;
            keying = Task.Run(() => Key(full), ct);
        }

        void Key(List<(int Person, string Text, string Script)> names)
        {
            var keys = new NameKey[names.Count];
            Parallel.For(0, names.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var (_, text, script) = names[i];
                var key = Scripts.TryParse(script, out var s) ? cache.Of(text, s) : NameKeys.Of(text);
                keys[i] = new NameKey(string.Empty, key.Script, [.. key.Parts]);
            });
            for (var i = 0; i < names.Count; i++)
            {
                if (keys[i].Parts.Count > 0)
                {
                    var person = names[i].Person;
                    result[person] = result[person] is { } own ? (Contains(own, keys[i]) ? own : [.. own, keys[i]]) : [keys[i]];
                }
            }
        }

        foreach (var filter in Filters(ids, "n.person_id"))
        {
            // In primary-key order, no join: names of deleted people are skipped by the lookup below.
            await using var reader = await Query(c,
                $"SELECT n.person_id, n.text, n.script FROM person_names n WHERE 1 = 1{filter} ORDER BY n.person_id, n.position", ct);
            while (await reader.ReadAsync(ct))
            {
                if (index.TryGetValue(reader.GetInt64(0), out var person))
                {
                    batch.Add((person, reader.GetString(1), reader.GetString(2)));
                    if (batch.Count == Batch)
                    {
                        await FlushAsync();
                    }
                }
            }
        }

        await FlushAsync();
        await keying;
        return result;
    }

    /// <summary>Whether a form with the same keys (in any script or spelling) is already there: comparing it again would say nothing new.</summary>
    private static bool Contains(NameKey[] names, NameKey key)
    {
        foreach (var name in names)
        {
            if (name.Parts.Count != key.Parts.Count)
            {
                continue;
            }

            var same = true;
            for (var p = 0; p < key.Parts.Count && same; p++)
            {
                same = name.Parts[p].Key == key.Parts[p].Key && name.Parts[p].Alt == key.Parts[p].Alt && name.Parts[p].IsInitial == key.Parts[p].IsInitial;
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the pairs of ids the query reads to <paramref name="result"/>, grouped by the first (and by the second too when <paramref name="both"/>).</summary>
    private static async Task PairsAsync(DbConnection c, string sql, Dictionary<long, int> index, bool both, bool subset,
        Dictionary<long, List<long>> result, CancellationToken ct)
    {
        await using var reader = await Query(c, sql, ct);
        while (await reader.ReadAsync(ct))
        {
            var a = reader.GetInt64(0);
            var b = reader.GetInt64(1);
            if (index.ContainsKey(a) || !subset)
            {
                Add(result, a, b);
            }

            if (both && (index.ContainsKey(b) || !subset))
            {
                Add(result, b, a);
            }
        }

        static void Add(Dictionary<long, List<long>> map, long key, long value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<long>(2);
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
    }

    private static IEnumerable<string> Filters(IReadOnlyCollection<long>? ids, string column) =>
        IdLists(ids).Select(list => list is null ? string.Empty : $" AND {column} IN {list}");

    /// <summary>The ids as SQL lists of at most 500, "(1,2,3)"; one null for every row.</summary>
    private static IEnumerable<string?> IdLists(IReadOnlyCollection<long>? ids)
    {
        if (ids is null)
        {
            yield return null;
            yield break;
        }

        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            yield return $"({string.Join(",", chunk.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
        }
    }

    private static async Task<DbDataReader> Query(DbConnection c, string sql, CancellationToken ct)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteReaderAsync(ct);
    }

    /// <summary>How many people (not deleted) have each phonetic key among their name words.</summary>
    public static async Task<Func<NamePart, double>> WeightsAsync(DbConnection c, IEnumerable<DuplicateProfile> profiles, CancellationToken ct)
    {
        var keys = profiles.SelectMany(p => p.Names.Concat(p.RelativeNames)).SelectMany(n => n.Parts).Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM persons WHERE deleted_at IS NULL", cancellationToken: ct));
        var frequency = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(400))
        {
            var found = await c.QueryAsync<(string Key, long Count)>(new CommandDefinition(
                "SELECT np.name_key, COUNT(DISTINCT np.person_id) FROM name_parts np JOIN persons p ON p.id = np.person_id " +
                $"WHERE p.deleted_at IS NULL AND np.name_key {(c is Microsoft.Data.Sqlite.SqliteConnection ? "IN @chunk" : "= ANY(@chunk)")} GROUP BY np.name_key",
                new { chunk }, cancellationToken: ct));
            foreach (var (key, n) in found)
            {
                frequency[key] = n;
            }
        }

        var people = total + 1.0;
        return part => Math.Log(1 + (people / (frequency.GetValueOrDefault(part.Key) + 1.0)));
    }

    private sealed record PersonRow(long Id, string ExternalId, string Name, Gender Gender, int? BirthYear, string? Ethnicity, long? HometownId, Confidentiality Level);
}
