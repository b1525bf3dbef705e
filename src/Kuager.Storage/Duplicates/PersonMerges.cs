namespace Kuager.Storage;

/// <summary>One merge of <see cref="MergedId"/> into <see cref="SurvivorId"/>; undone when <see cref="UndoneAt"/> is set.</summary>
public sealed record PersonMerge(long Id, long SurvivorId, long MergedId, string Actor, DateTimeOffset At, string? UndoneBy, DateTimeOffset? UndoneAt)
{
    public bool IsActive => UndoneAt is null;
}

/// <summary>
/// Merging two records of one person, and taking a merge back. A merge keeps everything of both: the merged
/// person's names join the survivor's, the survivor's empty fields take the merged person's values, and every
/// event, case, testimony, citation and relationship of the merged person is moved to the survivor; the merged
/// record is then deleted (softly). Each record changed gets a revision. An unmerge puts back exactly what the
/// merge moved and added, leaving later edits to other fields alone. Nothing is ever merged automatically.
/// </summary>
public static class PersonMerges
{
    public static Task<PersonMerge> MergeAsync(this Session session, long survivorId, long mergedId) =>
        throw new NotImplementedException("contract: implemented by the merge work");

    public static Task<PersonMerge> UnmergeAsync(this Session session, long mergeId) =>
        throw new NotImplementedException("contract: implemented by the merge work");

    public static Task<PersonMerge> MergeAsync(this RecordStore store, long survivorId, long mergedId, string actor, CancellationToken ct = default) =>
        throw new NotImplementedException("contract: implemented by the merge work");

    public static Task<PersonMerge> UnmergeAsync(this RecordStore store, long mergeId, string actor, CancellationToken ct = default) =>
        throw new NotImplementedException("contract: implemented by the merge work");

    /// <summary>The merges the person took part in (as survivor or merged), newest first.</summary>
    public static Task<IReadOnlyList<PersonMerge>> MergesOfAsync(this RecordStore store, long personId, CancellationToken ct = default) =>
        throw new NotImplementedException("contract: implemented by the merge work");

    /// <summary>The person a merged (deleted) record now lives on, following later merges; null when it was not merged.</summary>
    public static Task<long?> MergedIntoAsync(this RecordStore store, long personId, CancellationToken ct = default) =>
        throw new NotImplementedException("contract: implemented by the merge work");
}
