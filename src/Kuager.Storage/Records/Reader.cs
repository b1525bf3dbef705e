using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>Reads records and revisions back from their JSON, inside a session or on their own.</summary>
internal static class Reader
{
    public static async Task<T?> GetAsync<T>(DbConnection connection, DbTransaction? tx, long id, bool includeDeleted) where T : class, IRecord
    {
        var table = RecordTables.TableOf(RecordTables.KindOf<T>());
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, int Version, string Data)>(
            $"SELECT id, version, data FROM {table} WHERE id = @id" + (includeDeleted ? string.Empty : " AND deleted_at IS NULL"),
            new { id }, tx);
        return row.Data is null ? null : Materialize<T>(row.Id, row.Version, row.Data);
    }

    public static T Materialize<T>(long id, int version, string data) where T : IRecord
    {
        var node = JsonNode.Parse(data)!.AsObject();
        node["id"] = id;
        node["version"] = version;
        return node.Deserialize<T>(KuagerJson.Options)!;
    }

    public static async Task<IReadOnlyList<Revision>> HistoryAsync(DbConnection connection, DbTransaction? tx, RecordKind kind, long id)
    {
        var rows = await connection.QueryAsync<RevisionRow>(
            "SELECT id, record_kind AS RecordKind, record_id AS RecordId, version, action, actor, at, changes, undoes_revision_id AS UndoesRevisionId " +
            "FROM revisions WHERE record_kind = @kind AND record_id = @id ORDER BY version, id",
            new { kind = WireCode.Of(kind), id }, tx);
        return rows.Select(r => r.ToRevision()).ToList();
    }

    public static async Task<Revision?> RevisionAsync(DbConnection connection, DbTransaction? tx, long revisionId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RevisionRow>(
            "SELECT id, record_kind AS RecordKind, record_id AS RecordId, version, action, actor, at, changes, undoes_revision_id AS UndoesRevisionId " +
            "FROM revisions WHERE id = @revisionId",
            new { revisionId }, tx);
        return row?.ToRevision();
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

        public Revision ToRevision()
        {
            return new Revision(Id, WireCode.Parse<RecordKind>(RecordKind), RecordId, Version, WireCode.Parse<RevisionAction>(Action), Actor, Clock.Parse(At),
                Changes.StartsWith('{') ? RecordDiff.CreationChanges(Changes) : JsonSerializer.Deserialize<List<FieldChange>>(Changes, KuagerJson.Options)!,
                UndoesRevisionId);
        }
    }
}

/// <summary>The registry on one database: reads, and one-change-one-transaction writes for callers that need no more.</summary>
public sealed class RecordStore(Database database)
{
    public Database Database { get; } = database;

    public Task<Session> BeginAsync(string actor, CancellationToken ct = default) => Session.BeginAsync(Database, actor, ct);

    public async Task<T?> GetAsync<T>(long id, CancellationToken ct = default) where T : class, IRecord
    {
        await using var connection = await Database.OpenAsync(ct);
        return await Reader.GetAsync<T>(connection, null, id, includeDeleted: false);
    }

    public async Task<IReadOnlyList<Revision>> HistoryAsync(RecordKind kind, long id, CancellationToken ct = default)
    {
        await using var connection = await Database.OpenAsync(ct);
        return await Reader.HistoryAsync(connection, null, kind, id);
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
