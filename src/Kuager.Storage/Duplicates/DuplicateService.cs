using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Kuager.Core;
using Kuager.Names;
using Kuager.Storage.Search;

namespace Kuager.Storage;

/// <summary>What a reviewer decided about a proposed pair.</summary>
public enum DuplicateDecision
{
    /// <summary>Not the same person: never proposed again.</summary>
    Distinct,

    /// <summary>Not decided yet: shown again after the undecided pairs.</summary>
    Later,
}

/// <summary>An existing person who may be the one being entered.</summary>
public sealed record DuplicateCandidate(DuplicateProfile Person, DuplicateScore Score);

/// <summary>A pair in the review queue, with what was decided about it (null: nothing yet).</summary>
public sealed record QueuedPair(DuplicatePair Pair, DuplicateDecision? Decision);

/// <summary>
/// Duplicate detection on one database: all pairs at once (blocking, <see cref="DuplicateFinder"/>), the people
/// like one being entered (through the name index), the review queue and what reviewers decided. Nothing here
/// ever merges: merging is a person's decision (<see cref="PersonMerges"/>).
/// </summary>
public sealed class DuplicateService
{
    /// <summary>How many people the name index proposes per name before the full evidence is weighed.</summary>
    private const int NamePool = 30;

    /// <summary>Up to this many people, pairs involving them are found through the name index; beyond, by a full search.</summary>
    private const int ByIndexUpTo = 2_000;

    private const string DecisionAction = "duplicate-decision";

    private static readonly ConditionalWeakTable<Database, QueueCache> Caches = new();

    private DuplicateService(Database database) => Database = database;

    public Database Database { get; }

    public static DuplicateService For(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new(database);
    }

    /// <summary>What the last <see cref="FindAllAsync"/> did (people, keys, pairs compared), for benchmarks and the CLI.</summary>
    public DuplicateFigures? LastFigures { get; private set; }

    /// <summary>Every candidate pair at or above the threshold (default <see cref="DuplicateScorer.DefaultThreshold"/>), best first; pairs decided distinct left out.</summary>
    public async Task<IReadOnlyList<DuplicatePair>> FindAllAsync(double? threshold = null, IProgress<DuplicateProgress>? progress = null, CancellationToken ct = default)
    {
        await using var c = await Database.OpenAsync(ct);
        progress?.Report(new DuplicateProgress("reading", 0, 1));
        var people = await DuplicateProfiles.LoadAsync(c, null, ct);
        var distinct = await DistinctAsync(c, ct);
        progress?.Report(new DuplicateProgress("reading", 1, 1));
        var found = DuplicateFinder.Find(people, threshold ?? DuplicateScorer.DefaultThreshold,
            distinct.Count == 0 ? null : (a, b) => distinct.Contains((a, b)), progress, ct, out var figures);
        LastFigures = figures;
        return found;
    }

    /// <summary>
    /// The review queue for a viewer: pairs both of whose people they may see, undecided ones first (best first),
    /// then the ones put off for later. Computed again only when the registry changed since the last time.
    /// </summary>
    public async Task<IReadOnlyList<QueuedPair>> QueueAsync(Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var pairs = await Caches.GetValue(Database, _ => new QueueCache()).PairsAsync(this, ct);
        Dictionary<(long, long), DuplicateDecision> decisions;
        await using (var c = await Database.OpenAsync(ct))
        {
            decisions = (await c.QueryAsync<(long A, long B, string Decision)>(new CommandDefinition(
                "SELECT person_a_id, person_b_id, decision FROM duplicate_decisions", cancellationToken: ct)))
                .ToDictionary(d => (d.A, d.B), d => WireCode.Parse<DuplicateDecision>(d.Decision));
        }

        return pairs
            .Where(p => viewer.Sees(p.A.Confidentiality) && viewer.Sees(p.B.Confidentiality))
            .Select(p => new QueuedPair(p, decisions.TryGetValue((p.A.Id, p.B.Id), out var d) ? d : null))
            .Where(q => q.Decision != DuplicateDecision.Distinct)
            .OrderBy(q => q.Decision == DuplicateDecision.Later ? 1 : 0)
            .ToList();
    }

    /// <summary>Existing people (that the viewer may see) likely to be the person about to be created or saved, best first.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> CandidatesForAsync(Person draft, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(viewer);
        var shown = Redaction.WithoutConfidentialFields(draft);
        await using var c = await Database.OpenAsync(ct);
        var paths = shown.HometownId is null ? [] : await DuplicateProfiles.PlacePathsAsync(c, ct);
        var names = shown.Names.Select(n => NameKeys.Of(n.Text, n.Script)).Where(k => k.Parts.Count > 0).ToList();
        var profile = new DuplicateProfile
        {
            Id = draft.Id,
            ExternalId = shown.ExternalId ?? "",
            Name = shown.PrimaryName.Text,
            Names = names,
            BirthYear = shown.BirthYear,
            Gender = shown.Gender,
            Ethnicity = shown.Ethnicity,
            HometownPath = shown.HometownId is { } h && paths.TryGetValue(h, out var path) ? path : [],
            Confidentiality = shown.Confidentiality,
        };
        if (draft.Id > 0 && (await DuplicateProfiles.LoadAsync(c, [draft.Id], ct)).FirstOrDefault() is { } stored)
        {
            profile = profile with { RelativeIds = stored.RelativeIds, RelativeNames = stored.RelativeNames, SourceIds = stored.SourceIds };
        }

        var ids = await ByNameAsync(names, (byte)viewer.Clearance, ct);
        ids.Remove(draft.Id);
        var others = await DuplicateProfiles.LoadAsync(c, ids, ct);
        var weight = await DuplicateProfiles.WeightsAsync(c, others.Append(profile), ct);
        var distinct = draft.Id > 0 ? await DistinctAsync(c, ct) : [];
        return others
            .Where(o => viewer.Sees(o.Confidentiality) && !distinct.Contains(Ordered(draft.Id, o.Id)))
            .Select(o => new DuplicateCandidate(o, DuplicateScorer.Score(profile, o, weight)))
            .Where(d => d.Score.Score >= DuplicateScorer.DefaultThreshold)
            .OrderByDescending(d => d.Score.Score).ThenBy(d => d.Person.Id)
            .Take(10)
            .ToList();
    }

    /// <summary>Pairs at or above the threshold that involve any of these people (an import's report), best first.</summary>
    public async Task<IReadOnlyList<DuplicatePair>> InvolvingAsync(IReadOnlyCollection<long> personIds, double? threshold = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var bar = threshold ?? DuplicateScorer.DefaultThreshold;
        if (personIds.Count == 0)
        {
            return [];
        }

        var wanted = personIds.ToHashSet();
        if (personIds.Count > ByIndexUpTo)
        {
            return (await FindAllAsync(bar, null, ct)).Where(p => wanted.Contains(p.A.Id) || wanted.Contains(p.B.Id)).ToList();
        }

        await using var c = await Database.OpenAsync(ct);
        var subjects = await DuplicateProfiles.LoadAsync(c, wanted, ct);
        var byName = new Dictionary<long, HashSet<long>>();
        foreach (var subject in subjects)
        {
            byName[subject.Id] = await ByNameAsync(subject.Names, (byte)Confidentiality.Confidential, ct);
        }

        var candidates = byName.Values.SelectMany(v => v).ToHashSet();
        candidates.ExceptWith(wanted);
        var all = subjects.Concat(await DuplicateProfiles.LoadAsync(c, candidates, ct)).ToDictionary(p => p.Id);
        var weight = await DuplicateProfiles.WeightsAsync(c, all.Values, ct);
        var distinct = await DistinctAsync(c, ct);
        var pairs = new List<DuplicatePair>();
        var seen = new HashSet<(long, long)>();
        foreach (var subject in subjects)
        {
            foreach (var id in byName[subject.Id])
            {
                var key = Ordered(subject.Id, id);
                if (id == subject.Id || !all.TryGetValue(id, out var other) || distinct.Contains(key) || !seen.Add(key))
                {
                    continue;
                }

                var (a, b) = subject.Id < id ? (subject, other) : (other, subject);
                if (DuplicateScorer.ScoreAtLeast(a, b, bar, weight) is { } score)
                {
                    pairs.Add(new DuplicatePair(a, b, score));
                }
            }
        }

        return pairs.OrderByDescending(p => p.Score.Score).ThenBy(p => p.A.Id).ThenBy(p => p.B.Id).ToList();
    }

    /// <summary>The two people compared, whatever the score; null when either does not exist or is deleted.</summary>
    public async Task<DuplicatePair?> CompareAsync(long a, long b, CancellationToken ct = default)
    {
        if (a == b)
        {
            return null;
        }

        await using var c = await Database.OpenAsync(ct);
        var people = await DuplicateProfiles.LoadAsync(c, [a, b], ct);
        if (people.Count != 2)
        {
            return null;
        }

        var weight = await DuplicateProfiles.WeightsAsync(c, people, ct);
        var (x, y) = people[0].Id < people[1].Id ? (people[0], people[1]) : (people[1], people[0]);
        return new DuplicatePair(x, y, DuplicateScorer.Score(x, y, weight));
    }

    /// <summary>Remembers a decision about a pair (either order); audited.</summary>
    public async Task DecideAsync(long a, long b, DuplicateDecision decision, string actor, CancellationToken ct = default)
    {
        if (a == b)
        {
            throw new ValidationException([new ValidationError("b", "a person is not a duplicate of themselves")]);
        }

        var (x, y) = Ordered(a, b);
        await using var c = await Database.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var present = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM persons WHERE id IN (@x, @y)", new { x, y }, tx, cancellationToken: ct));
        if (present != 2)
        {
            throw new NotFoundException($"there is no person {(await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT id FROM persons WHERE id = @x", new { x }, tx, cancellationToken: ct)) is null ? x : y)}");
        }

        var at = Clock.Stamp(DateTimeOffset.UtcNow);
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM duplicate_decisions WHERE person_a_id = @x AND person_b_id = @y", new { x, y }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO duplicate_decisions (person_a_id, person_b_id, decision, actor, at) VALUES (@x, @y, @decision, @actor, @at)",
            new { x, y, decision = WireCode.Of(decision), actor, at }, tx, cancellationToken: ct));
        await AuditLog.AppendAsync(c, tx, Database.Provider, actor, DecisionAction, $"person {x},{y}", WireCode.Of(decision), DateTimeOffset.UtcNow);
        await tx.CommitAsync(ct);
    }

    public async Task<DuplicateDecision?> DecisionAsync(long a, long b, CancellationToken ct = default)
    {
        var (x, y) = Ordered(a, b);
        await using var c = await Database.OpenAsync(ct);
        var code = await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT decision FROM duplicate_decisions WHERE person_a_id = @x AND person_b_id = @y", new { x, y }, cancellationToken: ct));
        return code is null ? null : WireCode.Parse<DuplicateDecision>(code);
    }

    private static (long, long) Ordered(long a, long b) => a < b ? (a, b) : (b, a);

    private static async Task<HashSet<(long, long)>> DistinctAsync(DbConnection c, CancellationToken ct) =>
        (await c.QueryAsync<(long, long)>(new CommandDefinition(
            "SELECT person_a_id, person_b_id FROM duplicate_decisions WHERE decision = 'distinct'", cancellationToken: ct))).ToHashSet();

    /// <summary>The people whose names the name index finds most like any of these (every clearance up to <paramref name="level"/>).</summary>
    private async Task<HashSet<long>> ByNameAsync(IEnumerable<NameKey> names, byte level, CancellationToken ct)
    {
        var index = await NameIndexes.For(Database).CurrentAsync(ct);
        var ids = new HashSet<long>();
        foreach (var name in names)
        {
            foreach (var hit in index.Search(name, NamePool, level))
            {
                if (hit.Score >= DuplicateScorer.MinNameSimilarity)
                {
                    ids.Add(hit.PersonId);
                }
            }
        }

        return ids;
    }

    /// <summary>The last full search, kept while the registry has not changed (its newest revision is the same).</summary>
    private sealed class QueueCache
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private long _version = -1;
        private IReadOnlyList<DuplicatePair> _pairs = [];

        public async Task<IReadOnlyList<DuplicatePair>> PairsAsync(DuplicateService service, CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                long version;
                await using (var c = await service.Database.OpenAsync(ct))
                {
                    version = await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(id) FROM revisions", cancellationToken: ct)) ?? 0;
                }

                if (version != _version)
                {
                    // Decisions are applied when the queue is read, so every pair at the threshold is kept here.
                    await using var c = await service.Database.OpenAsync(ct);
                    var people = await DuplicateProfiles.LoadAsync(c, null, ct);
                    _pairs = DuplicateFinder.Find(people, DuplicateScorer.DefaultThreshold, null, null, ct);
                    _version = version;
                }

                return _pairs;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
