namespace Kuager.Core;

public readonly record struct DuplicateProgress(string Stage, long Done, long Total);

/// <summary>Finds the candidate pairs among many people, by blocking (far below n² comparisons) and scoring. Pure.</summary>
public static class DuplicateFinder
{
    /// <param name="skip">Pairs (lower id first) never to propose: decided "not the same person".</param>
    public static IReadOnlyList<DuplicatePair> Find(IReadOnlyList<DuplicateProfile> people, double threshold,
        Func<long, long, bool>? skip = null, IProgress<DuplicateProgress>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException("contract: implemented by the finder work");
}
