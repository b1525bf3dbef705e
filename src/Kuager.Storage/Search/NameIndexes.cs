using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dapper;
using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Search;

/// <summary>
/// One in-memory <see cref="NameIndex"/> per open database, loaded from the persisted name parts on first use and
/// brought up to date from name_changes before every search, so edits made by this process, by another web
/// server or by `kuager import` are found at once. The database stays the truth: nothing here is ever written back.
/// </summary>
internal sealed class NameIndexes
{
    /// <summary>More changes than this since the last look reload everything rather than person by person.</summary>
    private const int ReloadAbove = 20_000;

    /// <summary>
    /// Change numbers are read with this much overlap: on PostgreSQL an identity value taken by a transaction that
    /// commits later than a higher one would otherwise be skipped. Changes already applied are not applied twice.
    /// </summary>
    private const int Overlap = 256;

    private static readonly ConditionalWeakTable<Database, NameIndexes> Loaded = new();

    private readonly Database _db;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NameIndex? _index;
    private long _seen;
    private readonly HashSet<long> _appliedRecently = [];

    private NameIndexes(Database db) => _db = db;

    /// <summary>How long the last full load took.</summary>
    public TimeSpan LastLoad { get; private set; }

    /// <summary>How many full loads there have been (a search after an ordinary change must not cause one).</summary>
    public int Loads { get; private set; }

    public static NameIndexes For(Database db) => Loaded.GetValue(db, d => new NameIndexes(d));

    /// <summary>The index, current as of now.</summary>
    public async Task<NameIndex> CurrentAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var c = await _db.OpenAsync(ct);
            if (_index is null)
            {
                await LoadAsync(c, ct);
                return _index!;
            }

            var changes = (await c.QueryAsync<(long Id, long PersonId)>(
                "SELECT id, person_id FROM name_changes WHERE id > @from ORDER BY id", new { from = _seen - Overlap })).AsList();
            var fresh = changes.Where(ch => ch.Id > _seen || !_appliedRecently.Contains(ch.Id)).ToList();
            if (fresh.Count == 0)
                return _index;
            if (fresh.Count > ReloadAbove || fresh.Any(ch => ch.PersonId == 0))
            {
                await LoadAsync(c, ct);
                return _index!;
            }

            var ids = fresh.Select(ch => ch.PersonId).Distinct().ToList();
            var persons = await ReadAsync(c, ids, ct);
            _index.Remove(ids.Where(id => !persons.ContainsKey(id)));
            _index.Upsert(persons.Values);
            Remember(fresh.Select(ch => ch.Id));
            return _index;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Remember(IEnumerable<long> changeIds)
    {
        foreach (var id in changeIds)
        {
            _appliedRecently.Add(id);
            _seen = Math.Max(_seen, id);
        }

        _appliedRecently.RemoveWhere(id => id <= _seen - Overlap);
    }

    /// <summary>Reads the whole index from name_parts.</summary>
    private async Task LoadAsync(System.Data.Common.DbConnection c, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Changes committed while loading are applied again afterwards: harmless, since applying is idempotent.
        var upTo = await c.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM name_changes") ?? 0;
        var index = new NameIndex();
        var persons = new Dictionary<long, (byte Level, int? BirthYear)>();
        using (var reader = await c.ExecuteReaderAsync("SELECT id, confidentiality, birth_year FROM persons WHERE deleted_at IS NULL"))
        {
            while (await reader.ReadAsync(ct))
                persons[reader.GetInt64(0)] = (Level(reader.GetString(1)), reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
        }

        var batch = new List<IndexedPerson>(4096);
        await foreach (var person in Assemble(c, "SELECT person_id, position, ordinal, latin, name_key, root, alt FROM name_parts ORDER BY person_id, position, ordinal", null, persons, ct))
        {
            batch.Add(person);
            if (batch.Count == batch.Capacity)
            {
                index.Upsert(batch);
                batch.Clear();
            }
        }

        index.Upsert(batch);
        _index = index;
        _appliedRecently.Clear();
        _seen = upTo;
        // What the load saw is applied: only changes committed after it are applied again.
        Remember(await c.QueryAsync<long>("SELECT id FROM name_changes WHERE id > @from AND id <= @upTo", new { from = upTo - Overlap, upTo }));
        LastLoad = clock.Elapsed;
        Loads++;
    }

    /// <summary>The current state of some people: absent from the result when deleted.</summary>
    private static async Task<Dictionary<long, IndexedPerson>> ReadAsync(System.Data.Common.DbConnection c, List<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, IndexedPerson>();
        foreach (var chunk in ids.Where(id => id > 0).Chunk(500))
        {
            var persons = new Dictionary<long, (byte Level, int? BirthYear)>();
            foreach (var row in await c.QueryAsync<(long Id, string Level, long? BirthYear)>(
                         $"SELECT id, confidentiality, birth_year FROM persons WHERE deleted_at IS NULL AND id IN ({string.Join(",", chunk)})"))
                persons[row.Id] = (Level(row.Level), (int?)row.BirthYear);
            var sql = $"SELECT person_id, position, ordinal, latin, name_key, root, alt FROM name_parts WHERE person_id IN ({string.Join(",", chunk)}) ORDER BY person_id, position, ordinal";
            await foreach (var person in Assemble(c, sql, null, persons, ct))
                result[person.Id] = person;
            foreach (var (id, facts) in persons)
                result.TryAdd(id, new IndexedPerson(id, facts.Level, facts.BirthYear, []));
        }

        return result;
    }

    /// <summary>Groups name_parts rows (ordered by person, position, ordinal) into indexed people, skipping unknown ones.</summary>
    private static async IAsyncEnumerable<IndexedPerson> Assemble(
        System.Data.Common.DbConnection c, string sql, object? parameters, Dictionary<long, (byte Level, int? BirthYear)> persons,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = await c.ExecuteReaderAsync(sql, parameters);
        long current = -1;
        var position = -1;
        var names = new List<IndexedName>();
        var parts = new List<NamePart>();
        // Parts repeat across a million people: one object per distinct spelling.
        var shared = new Dictionary<string, NamePart>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var personId = reader.GetInt64(0);
            var pos = reader.GetInt32(1);
            if (personId != current || pos != position)
            {
                if (parts.Count > 0)
                    names.Add(new IndexedName(position, parts.ToArray()));
                parts.Clear();
                if (personId != current)
                {
                    if (current >= 0 && persons.TryGetValue(current, out var facts))
                        yield return new IndexedPerson(current, facts.Level, facts.BirthYear, names.ToArray());
                    names.Clear();
                    current = personId;
                }

                position = pos;
            }

            var latin = reader.GetString(3);
            var alt = reader.IsDBNull(6) ? null : reader.GetString(6);
            var lookup = alt is null ? latin : latin + "\u0001" + alt;
            if (!shared.TryGetValue(lookup, out var part))
            {
                part = NameParts.Part(latin, reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), alt);
                shared[lookup] = part;
            }

            parts.Add(part);
        }

        if (parts.Count > 0)
            names.Add(new IndexedName(position, parts.ToArray()));
        if (current >= 0 && persons.TryGetValue(current, out var last))
            yield return new IndexedPerson(current, last.Level, last.BirthYear, names.ToArray());
    }

    private static byte Level(string code) => (byte)WireCode.Parse<Confidentiality>(code);
}
