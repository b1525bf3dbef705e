using Kuager.Core;

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

/// <summary>Duplicate detection on one database.</summary>
public sealed class DuplicateService
{
    private DuplicateService(Database database) => Database = database;

    public Database Database { get; }

    public static DuplicateService For(Database database) => new(database);

    /// <summary>Every candidate pair at or above the threshold (default <see cref="DuplicateScorer.DefaultThreshold"/>), best first; pairs decided distinct left out.</summary>
    public Task<IReadOnlyList<DuplicatePair>> FindAllAsync(double? threshold = null, IProgress<DuplicateProgress>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException("contract");

    /// <summary>
    /// The review queue for a viewer: pairs both of whose people they may see, undecided ones first (best first),
    /// then the ones put off for later. Computed again only when the registry changed since the last time.
    /// </summary>
    public Task<IReadOnlyList<QueuedPair>> QueueAsync(Viewer viewer, CancellationToken ct = default) =>
        throw new NotImplementedException("contract");

    /// <summary>Existing people (that the viewer may see) likely to be the person about to be created or saved, best first.</summary>
    public Task<IReadOnlyList<DuplicateCandidate>> CandidatesForAsync(Person draft, Viewer viewer, CancellationToken ct = default) =>
        throw new NotImplementedException("contract");

    /// <summary>Pairs at or above the threshold that involve any of these people (an import's report), best first.</summary>
    public Task<IReadOnlyList<DuplicatePair>> InvolvingAsync(IReadOnlyCollection<long> personIds, double? threshold = null, CancellationToken ct = default) =>
        throw new NotImplementedException("contract");

    /// <summary>The two people compared, whatever the score; null when either does not exist or is deleted.</summary>
    public Task<DuplicatePair?> CompareAsync(long a, long b, CancellationToken ct = default) =>
        throw new NotImplementedException("contract");

    /// <summary>Remembers a decision about a pair (either order); audited.</summary>
    public Task DecideAsync(long a, long b, DuplicateDecision decision, string actor, CancellationToken ct = default) =>
        throw new NotImplementedException("contract");

    public Task<DuplicateDecision?> DecisionAsync(long a, long b, CancellationToken ct = default) =>
        throw new NotImplementedException("contract");
}
