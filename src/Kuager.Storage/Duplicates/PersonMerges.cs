using Dapper;
using Kuager.Core;

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
    private const string MergeAction = "merge";
    private const string UnmergeAction = "unmerge";

    public static async Task<PersonMerge> MergeAsync(this Session session, long survivorId, long mergedId)
    {
        if (survivorId == mergedId)
        {
            throw new ValidationException([ValidationError.Of("mergedId", "a person cannot be merged into itself (person {0})", mergedId)]);
        }

        var survivor = await MergeablePersonAsync(session, survivorId);
        var merged = await MergeablePersonAsync(session, mergedId);

        var plan = new PersonMergePlan();
        var hometownExists = merged.HometownId is { } hometown && await RecordTables.ExistsAsync(session.Connection, session.Transaction, RecordKind.Place, hometown);
        var combined = PersonMergeFields.Combine(survivor, merged, hometownExists, plan);
        plan.SurvivorVersion = (await PersonMergeLinks.SaveInContextAsync(session, combined, RevisionAction.Merge)).Version;
        await PersonMergeLinks.MoveAsync(session, survivorId, mergedId, plan);
        await session.DeleteAsync<Person>(mergedId, merged.Version, RevisionAction.Merge);

        var stamp = Clock.Stamp(session.Now);
        var id = await session.Connection.ExecuteScalarAsync<long>(
            "INSERT INTO person_merges (survivor_id, merged_id, actor, at, plan) VALUES (@survivorId, @mergedId, @actor, @stamp, @plan) RETURNING id",
            new { survivorId, mergedId, actor = session.Actor, stamp, plan = plan.ToJson() }, session.Transaction);
        await AuditLog.AppendAsync(session.Connection, session.Transaction, session.Database.Provider, session.Actor, MergeAction, $"person {survivorId}",
            $"merge {id}: person {mergedId} merged into person {survivorId}", session.Now);
        return new PersonMerge(id, survivorId, mergedId, session.Actor, Clock.Parse(stamp), null, null);
    }

    public static async Task<PersonMerge> UnmergeAsync(this Session session, long mergeId)
    {
        var (merge, planText) = await ReadAsync(session, mergeId)
            ?? throw new NotFoundException($"there is no merge {mergeId}");
        if (!merge.IsActive)
        {
            throw new RevisionConflictException(
                $"merge {mergeId} (person {merge.MergedId} into person {merge.SurvivorId}) was already undone by {merge.UndoneBy} at {merge.UndoneAt:yyyy-MM-dd HH:mm:ss}");
        }

        var (survivorId, mergedId) = (merge.SurvivorId, merge.MergedId);
        if (await IsDeletedAsync(session, survivorId) is true)
        {
            throw await ActiveMergeOfAsync(session, survivorId) is { } later
                ? new RevisionConflictException(
                    $"merge {mergeId} cannot be undone: person {survivorId} has since been merged into person {later.SurvivorId} (merge {later.Id}); undo merge {later.Id} first")
                : new RevisionConflictException($"merge {mergeId} cannot be undone: person {survivorId} has been deleted since; restore it first");
        }

        var plan = PersonMergePlan.Parse(planText);
        if (await IsDeletedAsync(session, mergedId) is true)
        {
            await PersonMergeLinks.InContextAsync(RecordKind.Person, mergedId, () => session.RestoreAsync<Person>(mergedId, RevisionAction.Unmerge));
        }

        await PersonMergeLinks.RestoreDeletedAsync(session, plan);
        await PersonMergeLinks.MoveBackAsync(session, survivorId, mergedId, plan);

        var survivor = (await session.GetAsync<Person>(survivorId))!;
        var merged = (await session.GetAsync<Person>(mergedId))!;
        var since = (await Reader.HistoryAsync(null, session.Connection, session.Transaction, RecordKind.Person, survivorId))
            .Where(r => r.Version > plan.SurvivorVersion)
            .SelectMany(r => r.Changes.Select(c => c.Field))
            .ToHashSet(StringComparer.Ordinal);
        await PersonMergeLinks.SaveInContextAsync(session, PersonMergeFields.Separate(survivor, merged, plan, since), RevisionAction.Unmerge);

        var stamp = Clock.Stamp(session.Now);
        await session.Connection.ExecuteAsync("UPDATE person_merges SET undone_by = @actor, undone_at = @stamp WHERE id = @mergeId",
            new { actor = session.Actor, stamp, mergeId }, session.Transaction);
        await AuditLog.AppendAsync(session.Connection, session.Transaction, session.Database.Provider, session.Actor, UnmergeAction, $"person {mergedId}",
            $"merge {mergeId} undone: person {mergedId} separated from person {survivorId}", session.Now);
        return merge with { UndoneBy = session.Actor, UndoneAt = Clock.Parse(stamp) };
    }

    public static async Task<PersonMerge> MergeAsync(this RecordStore store, long survivorId, long mergedId, string actor, CancellationToken ct = default)
    {
        await using var session = await store.BeginAsync(actor, ct);
        var merge = await session.MergeAsync(survivorId, mergedId);
        await session.CommitAsync(ct);
        return merge;
    }

    public static async Task<PersonMerge> UnmergeAsync(this RecordStore store, long mergeId, string actor, CancellationToken ct = default)
    {
        await using var session = await store.BeginAsync(actor, ct);
        var merge = await session.UnmergeAsync(mergeId);
        await session.CommitAsync(ct);
        return merge;
    }

    /// <summary>The merges the person took part in (as survivor or merged), newest first.</summary>
    public static async Task<IReadOnlyList<PersonMerge>> MergesOfAsync(this RecordStore store, long personId, CancellationToken ct = default)
    {
        await using var connection = await store.Database.OpenAsync(ct);
        var rows = await connection.QueryAsync<MergeRow>(
            $"SELECT {MergeRow.Columns} FROM person_merges WHERE survivor_id = @personId OR merged_id = @personId ORDER BY id DESC", new { personId });
        return rows.Select(r => r.ToMerge()).ToList();
    }

    /// <summary>The person a merged (deleted) record now lives on, following later merges; null when it was not merged.</summary>
    public static async Task<long?> MergedIntoAsync(this RecordStore store, long personId, CancellationToken ct = default)
    {
        await using var connection = await store.Database.OpenAsync(ct);
        long? into = null;
        var seen = new HashSet<long> { personId };
        for (var at = personId; await SurvivorOfAsync(connection, null, at) is { } next && seen.Add(next); at = next)
        {
            into = next;
        }

        return into;
    }

    /// <summary>
    /// Why a revision written by a merge or an unmerge is not undone on its own: taking back one of its records
    /// alone would leave the merge half done (a link moved back to a person still deleted, names gone while the
    /// merge stands). The message names the merge, found by the time stamp its revisions share.
    /// </summary>
    internal static async Task<string> UndoRefusalAsync(Session session, Revision revision)
    {
        var at = Clock.Stamp(revision.At);
        if (revision.Action == RevisionAction.Merge)
        {
            var merge = await session.Connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM person_merges WHERE at = @at ORDER BY id DESC LIMIT 1", new { at }, session.Transaction);
            return $"revision {revision.Id} is part of a merge; a merge is taken back whole: undo merge {merge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(see the person's merges)"} instead";
        }

        var undone = await session.Connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM person_merges WHERE undone_at = @at ORDER BY id DESC LIMIT 1", new { at }, session.Transaction);
        return $"revision {revision.Id} is part of undoing merge {undone?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(see the person's merges)"}; to join the two people again, merge them again";
    }

    /// <summary>A person that can take part in a merge: present, and not merged into someone by a merge that stands.</summary>
    private static async Task<Person> MergeablePersonAsync(Session session, long id)
    {
        if (await ActiveMergeOfAsync(session, id) is { } merge)
        {
            throw new RevisionConflictException(
                $"person {id} has already been merged into person {merge.SurvivorId} (merge {merge.Id}); merge into person {merge.SurvivorId} instead, or undo merge {merge.Id} first");
        }

        if (await session.GetAsync<Person>(id) is { } person)
        {
            return person;
        }

        throw await IsDeletedAsync(session, id) is true
            ? new NotFoundException($"person {id} has been deleted; restore it before merging")
            : new NotFoundException($"there is no person {id}");
    }

    /// <summary>True when deleted, false when present, null when there is no such person.</summary>
    private static async Task<bool?> IsDeletedAsync(Session session, long id)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<(long Id, string? DeletedAt)>(
            "SELECT id, deleted_at FROM persons WHERE id = @id", new { id }, session.Transaction);
        return row.Id == 0 ? null : row.DeletedAt is not null;
    }

    private static async Task<PersonMerge?> ActiveMergeOfAsync(Session session, long mergedId)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<MergeRow>(
            $"SELECT {MergeRow.Columns} FROM person_merges WHERE merged_id = @mergedId AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            new { mergedId }, session.Transaction);
        return row?.ToMerge();
    }

    private static Task<long?> SurvivorOfAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, long mergedId) =>
        connection.ExecuteScalarAsync<long?>(
            "SELECT survivor_id FROM person_merges WHERE merged_id = @mergedId AND undone_at IS NULL ORDER BY id DESC LIMIT 1", new { mergedId }, tx);

    private static async Task<(PersonMerge Merge, string Plan)?> ReadAsync(Session session, long mergeId)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<MergeRow>(
            $"SELECT {MergeRow.Columns}, plan AS Plan FROM person_merges WHERE id = @mergeId", new { mergeId }, session.Transaction);
        return row is null ? null : (row.ToMerge(), row.Plan);
    }

    private sealed class MergeRow
    {
        public const string Columns = "id AS Id, survivor_id AS SurvivorId, merged_id AS MergedId, actor AS Actor, at AS At, undone_by AS UndoneBy, undone_at AS UndoneAt";

        public long Id { get; init; }

        public long SurvivorId { get; init; }

        public long MergedId { get; init; }

        public string Actor { get; init; } = "";

        public string At { get; init; } = "";

        public string? UndoneBy { get; init; }

        public string? UndoneAt { get; init; }

        public string Plan { get; init; } = "";

        public PersonMerge ToMerge() =>
            new(Id, SurvivorId, MergedId, Actor, Clock.Parse(At), UndoneBy, UndoneAt is null ? null : Clock.Parse(UndoneAt));
    }
}
