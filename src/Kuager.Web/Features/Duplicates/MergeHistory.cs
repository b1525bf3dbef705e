using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Web.Features.Events;

namespace Kuager.Web.Features.Duplicates;

/// <summary>One merge a person took part in, as their page lists it: the other record and whether it can still be undone.</summary>
public sealed record MergeRow(PersonMerge Merge, bool IsSurvivor, long OtherId, string OtherName, string OtherExternalId)
{
    /// <summary>The undo button: only on the surviving record, while the merge stands.</summary>
    public bool CanUndo => IsSurvivor && Merge.IsActive;
}

/// <summary>The merges on a person's page, and where the address of a merged record now leads.</summary>
public static class MergeHistory
{
    /// <summary>
    /// The merges of this person (newest first) whose other record the viewer may see (a merged record is deleted but
    /// keeps its level): a record hidden from the viewer is not hinted at, here either.
    /// </summary>
    public static async Task<IReadOnlyList<MergeRow>> OfAsync(RecordStore store, long personId, Viewer viewer, CancellationToken ct)
    {
        var merges = await store.MergesOfAsync(personId, ct);
        if (merges.Count == 0)
        {
            return [];
        }

        var others = merges.Select(m => m.SurvivorId == personId ? m.MergedId : m.SurvivorId).Distinct().ToList();
        await using var c = await store.Database.OpenAsync(ct);
        var rows = (await c.QueryAsync<(long Id, string Name, string ExternalId, string Level)>(
                $"SELECT p.id, p.primary_name, p.external_id, p.confidentiality FROM persons p WHERE p.id IN {RecordLinks.In(others)} AND {Visibility.Sql(viewer, "p")}"))
            .ToDictionary(r => r.Id);
        await store.AuditReadAsync(viewer, RecordKind.Person,
            rows.Values.Where(r => r.Level == WireCode.Of(Confidentiality.Confidential)).Select(r => r.Id).ToList(), ct);
        return merges
            .Select(m => (Merge: m, Other: m.SurvivorId == personId ? m.MergedId : m.SurvivorId))
            .Where(x => rows.ContainsKey(x.Other))
            .Select(x => new MergeRow(x.Merge, x.Merge.SurvivorId == personId, x.Other, rows[x.Other].Name, rows[x.Other].ExternalId))
            .ToList();
    }

    /// <summary>
    /// Where the address of a merged (deleted) person now leads: the person it lives on in, when the viewer may see
    /// both the merged record's level and that person; null otherwise, so the answer is the usual 404.
    /// </summary>
    public static async Task<long?> RedirectOfAsync(RecordStore store, long personId, Viewer viewer, CancellationToken ct)
    {
        await using (var c = await store.Database.OpenAsync(ct))
        {
            var deleted = await c.ExecuteScalarAsync<long?>(
                $"SELECT p.id FROM persons p WHERE p.id = @personId AND p.deleted_at IS NOT NULL AND {Visibility.Sql(viewer, "p")}", new { personId });
            if (deleted is null)
            {
                return null;
            }
        }

        var target = await store.MergedIntoAsync(personId, ct);
        if (target is not { } id)
        {
            return null;
        }

        await using var connection = await store.Database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(
            $"SELECT p.id FROM persons p WHERE p.id = @id AND p.deleted_at IS NULL AND {Visibility.Sql(viewer, "p")}", new { id });
    }
}
