using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>Reads records and revisions back from their JSON, inside a session or on their own.</summary>
internal static class Reader
{
    public static async Task<T?> GetAsync<T>(KeyRing? keys, DbConnection connection, DbTransaction? tx, long id, bool includeDeleted) where T : class, IRecord
    {
        var table = RecordTables.TableOf(RecordTables.KindOf<T>());
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, int Version, string Data)>(
            $"SELECT id, version, data FROM {table} WHERE id = @id" + (includeDeleted ? string.Empty : " AND deleted_at IS NULL"),
            new { id }, tx);
        return row.Data is null ? null : Materialize<T>(keys, row.Id, row.Version, row.Data);
    }

    /// <summary>A record from its stored JSON: sealed fields opened with the keys, or left out when there are none.</summary>
    public static T Materialize<T>(KeyRing? keys, long id, int version, string data) where T : IRecord => Sealing.Materialize<T>(keys, id, version, data);

    /// <summary>A record's revisions: sealed values opened with the keys, or withheld when there are none.</summary>
    public static async Task<IReadOnlyList<Revision>> HistoryAsync(KeyRing? keys, DbConnection connection, DbTransaction? tx, RecordKind kind, long id)
    {
        var rows = await connection.QueryAsync<RevisionRow>(
            "SELECT id, record_kind AS RecordKind, record_id AS RecordId, version, action, actor, at, changes, undoes_revision_id AS UndoesRevisionId " +
            "FROM revisions WHERE record_kind = @kind AND record_id = @id ORDER BY version, id",
            new { kind = WireCode.Of(kind), id }, tx);
        return rows.Select(r => r.ToRevision(keys)).ToList();
    }

    public static async Task<Revision?> RevisionAsync(KeyRing keys, DbConnection connection, DbTransaction? tx, long revisionId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RevisionRow>(
            "SELECT id, record_kind AS RecordKind, record_id AS RecordId, version, action, actor, at, changes, undoes_revision_id AS UndoesRevisionId " +
            "FROM revisions WHERE id = @revisionId",
            new { revisionId }, tx);
        return row?.ToRevision(keys);
    }

    private sealed class RevisionRow
    {
        public long Id { get; init; }

        public string RecordKind { get; init; } = "";

        public long RecordId { get; init; }

        public int Version { get; init; }

        public string Action { get; init; } = "";

        public string Actor { get; init; } = "";

        public string At { get; init; } = "";

        public string Changes { get; init; } = "[]";

        public long? UndoesRevisionId { get; init; }

        public Revision ToRevision(KeyRing? keys)
        {
            var kind = WireCode.Parse<RecordKind>(RecordKind);
            return new Revision(Id, kind, RecordId, Version, WireCode.Parse<RevisionAction>(Action), Actor, Clock.Parse(At),
                keys is null ? Sealing.WithheldRevision(kind, Changes) : Sealing.OpenRevision(keys, kind, RecordId, Changes),
                UndoesRevisionId);
        }
    }
}

/// <summary>The registry on one database: reads, and one-change-one-transaction writes for callers that need no more.</summary>
public sealed class RecordStore(Database database)
{
    public Database Database { get; } = database;

    public Task<Session> BeginAsync(string actor, CancellationToken ct = default) => Session.BeginAsync(Database, actor, ct);

    /// <summary>The whole record, unredacted and unaudited: for the storage layer and its tests, never for showing to people.</summary>
    internal async Task<T?> GetAsync<T>(long id, CancellationToken ct = default) where T : class, IRecord
    {
        await using var connection = await Database.OpenAsync(ct);
        return await Reader.GetAsync<T>(Database.Keys, connection, null, id, includeDeleted: false);
    }

    /// <summary>
    /// The record as this viewer may see it: null when it does not exist or is above their clearance, confidential
    /// fields left out unless they may see them. An editor's or admin's read of confidential data is audited.
    /// </summary>
    public async Task<T?> GetAsync<T>(long id, Viewer viewer, CancellationToken ct = default) where T : class, IRecord
    {
        T? record;
        await using (var connection = await Database.OpenAsync(ct))
        {
            // A reader who may not see confidential fields gets them left out unopened: their values are never decrypted.
            record = await Reader.GetAsync<T>(viewer.SeesConfidentialFields ? Database.Keys : null, connection, null, id, includeDeleted: false);
        }

        if (record is null || Redaction.For(record, viewer) is not { } shown)
        {
            return null;
        }

        await AuditReadAsync(viewer, [record], ct);
        return shown;
    }

    /// <summary>
    /// Writes the audit entry for records shown to an editor or admin that are confidential or hold confidential
    /// values; nothing for other viewers (who are never shown such data) or when nothing confidential was shown.
    /// </summary>
    public async Task AuditReadAsync<T>(Viewer viewer, IReadOnlyCollection<T> shown, CancellationToken ct = default) where T : class, IRecord
    {
        if (!viewer.SeesConfidentialFields || shown.Count == 0)
        {
            return;
        }

        var confidential = shown.Where(r => r.Confidentiality == Confidentiality.Confidential || Redaction.HasConfidentialValues(r)).ToList();
        await AuditReadAsync(viewer, confidential.Count == 0 ? default : Redaction.KindOf(confidential[0]), confidential.Select(r => r.Id).ToList(), ct);
    }

    /// <summary>Audits a read of confidential records known by id (lists, search results, exports).</summary>
    public async Task AuditReadAsync(Viewer viewer, RecordKind kind, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (!viewer.SeesConfidentialFields || ids.Count == 0)
        {
            return;
        }

        var target = ids.Count == 1 ? $"{WireCode.Of(kind)} {ids.First()}" : $"{WireCode.Of(kind)} {string.Join(",", ids.Take(200))}";
        await AuditLog.AppendAsync(Database, viewer.Actor, AuditActions.Read, target, ids.Count > 200 ? $"{ids.Count} records" : null, ct);
    }

    /// <summary>
    /// A record from a row a query read itself (id, version, data), as this viewer may see it: confidential fields
    /// left out unless they may see them. The query must already keep to <see cref="Visibility.Sql"/>.
    /// </summary>
    public T Read<T>(long id, int version, string data, Viewer viewer) where T : class, IRecord =>
        Reader.Materialize<T>(viewer.SeesConfidentialFields ? Database.Keys : null, id, version, data);

    /// <summary>Whether the revision is a change of this record (undo buttons act only on their own record).</summary>
    public async Task<bool> IsRevisionOfAsync(long revisionId, RecordKind kind, long id, CancellationToken ct = default)
    {
        await using var connection = await Database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM revisions WHERE id = @revisionId AND record_kind = @kind AND record_id = @id",
            new { revisionId, kind = WireCode.Of(kind), id }) is not null;
    }

    /// <summary>The unredacted history, for the storage layer (undo, conflicts) and its tests.</summary>
    internal async Task<IReadOnlyList<Revision>> HistoryAsync(RecordKind kind, long id, CancellationToken ct = default)
    {
        await using var connection = await Database.OpenAsync(ct);
        return await Reader.HistoryAsync(Database.Keys, connection, null, kind, id);
    }

    /// <summary>
    /// A record's history as this viewer may see it: empty when the record is above their clearance; the values of
    /// confidential fields withheld unless they may see them (then the read is audited when there are any).
    /// </summary>
    public async Task<IReadOnlyList<Revision>> HistoryAsync(RecordKind kind, long id, Viewer viewer, CancellationToken ct = default)
    {
        await using var connection = await Database.OpenAsync(ct);
        var level = await connection.ExecuteScalarAsync<string?>($"SELECT confidentiality FROM {RecordTables.TableOf(kind)} WHERE id = @id", new { id });
        if (level is null || !viewer.Sees(WireCode.Parse<Confidentiality>(level)))
        {
            return [];
        }

        // Opened only for readers who may see confidential fields; for others sealed values stay sealed and are withheld.
        var history = await Reader.HistoryAsync(viewer.SeesConfidentialFields ? Database.Keys : null, connection, null, kind, id);
        var confidential = ConfidentialFieldsIn(kind, history);
        if (viewer.SeesConfidentialFields)
        {
            if (history.Any(r => r.Changes.Any(c => confidential.Contains(c.Field))))
            {
                await AuditLog.AppendAsync(Database, viewer.Actor, AuditActions.Read, $"{WireCode.Of(kind)} {id}", "history", ct);
            }

            return history;
        }

        return history.Select(r => r with
        {
            Changes = r.Changes.Select(c => confidential.Contains(c.Field) || c.Withheld ? new FieldChange(c.Field, null, null) { Withheld = true } : c).ToList(),
        }).ToList();
    }

    /// <summary>The kind's contact fields and every field the record has ever marked confidential.</summary>
    private static HashSet<string> ConfidentialFieldsIn(RecordKind kind, IReadOnlyList<Revision> history)
    {
        var fields = new HashSet<string>(ConfidentialFields.Always(kind), StringComparer.Ordinal);
        foreach (var change in history.SelectMany(r => r.Changes).Where(c => c.Field == "confidentialFields"))
        {
            foreach (var value in new[] { change.Old, change.New })
            {
                if (value is not null && JsonNode.Parse(value) is JsonArray marks)
                {
                    fields.UnionWith(marks.Select(m => m?.GetValue<string>()).OfType<string>());
                }
            }
        }

        return fields;
    }

    public Task<T> CreateAsync<T>(T record, string actor, CancellationToken ct = default) where T : class, IRecord =>
        InSessionAsync(actor, s => s.CreateAsync(record), ct);

    public Task<T> UpdateAsync<T>(T record, string actor, CancellationToken ct = default) where T : class, IRecord =>
        InSessionAsync(actor, s => s.UpdateAsync(record), ct);

    public Task DeleteAsync<T>(long id, int expectedVersion, string actor, CancellationToken ct = default) where T : class, IRecord =>
        InSessionAsync(actor, async s =>
        {
            await s.DeleteAsync<T>(id, expectedVersion);
            return true;
        }, ct);

    public Task<Revision> UndoAsync(long revisionId, string actor, CancellationToken ct = default) =>
        InSessionAsync(actor, s => s.UndoAsync(revisionId), ct);

    private async Task<TResult> InSessionAsync<TResult>(string actor, Func<Session, Task<TResult>> work, CancellationToken ct)
    {
        await using var session = await BeginAsync(actor, ct);
        var result = await work(session);
        await session.CommitAsync(ct);
        return result;
    }
}
