using System.Data.Common;
using System.Text.Json;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>
/// One unit of work on the registry: a connection and a transaction, and the person responsible for what is
/// written. Every create, update, delete and undo saves the record, its projections and a revision together;
/// nothing is visible to others until <see cref="CommitAsync"/>, and disposing without committing writes nothing.
/// </summary>
public sealed class Session : IAsyncDisposable
{
    private bool _committed;

    private Session(Database database, DbConnection connection, DbTransaction transaction, string actor)
    {
        Database = database;
        Connection = connection;
        Transaction = transaction;
        Actor = actor;
    }

    public Database Database { get; }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public string Actor { get; }

    /// <summary>The time stamped on everything this session writes.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public static async Task<Session> BeginAsync(Database database, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new ArgumentException("every change is made by someone: the actor is required", nameof(actor));
        }

        var connection = await database.OpenAsync(ct);
        var tx = await connection.BeginTransactionAsync(ct);
        return new Session(database, connection, tx, actor);
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        await Transaction.CommitAsync(ct);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await Transaction.RollbackAsync();
        }

        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    public Task<T?> GetAsync<T>(long id) where T : class, IRecord => Reader.GetAsync<T>(Database.Keys, Connection, Transaction, id, includeDeleted: false);

    public async Task<T> CreateAsync<T>(T record) where T : class, IRecord
    {
        var table = RecordTables.For<T>();
        var prepared = await CheckAsync(table, table.Prepare(record));

        // Projections and child tables never hold a confidential value: they are computed without them.
        var columns = await table.ColumnsAsync(this, Redaction.WithoutConfidentialFields(prepared));
        var stamp = Clock.Stamp(Now);

        // The id is reserved before the insert so that sealed values can be bound to their record.
        var id = await NewIdAsync(table.Table);
        var names = new List<string> { "id", "version", "confidentiality", "data", "created_at", "updated_at" };
        names.AddRange(columns.Keys);
        var parameters = new DynamicParameters(columns);
        parameters.Add("id", id);
        parameters.Add("version", 1);
        parameters.Add("confidentiality", WireCode.Of(prepared.Confidentiality));
        parameters.Add("data", Sealing.Data(Database.Keys, prepared, id));
        parameters.Add("created_at", stamp);
        parameters.Add("updated_at", stamp);
        var sql = $"INSERT INTO {table.Table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
        await Connection.ExecuteAsync(sql, parameters, Transaction);

        var saved = WithIdentity(prepared, id, 1);
        await table.WriteChildrenAsync(this, Redaction.WithoutConfidentialFields(saved));
        await WriteRevisionAsync(table.Kind, id, 1, RevisionAction.Create, parameters.Get<string>("data"), null);
        await table.AfterChangeAsync(this, null, saved);
        return saved;
    }

    /// <summary>A new id for a row of the table: past the largest on SQLite (the session holds the write lock), from the identity sequence on PostgreSQL.</summary>
    private async Task<long> NewIdAsync(string table)
    {
        long? next = Database.Provider == Provider.Sqlite
            ? await Connection.ExecuteScalarAsync<long>($"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}", transaction: Transaction)
            : null;
        return (await Ids.ReserveAsync(this, table, 1, next))[0];
    }

    /// <summary>Saves a new state of a record. Its <see cref="IRecord.Version"/> must be the current one, else the edit is stale.</summary>
    public Task<T> UpdateAsync<T>(T record) where T : class, IRecord => UpdateAsync(record, RevisionAction.Update, null);

    public Task DeleteAsync<T>(long id, int expectedVersion) where T : class, IRecord => DeleteAsync<T>(id, expectedVersion, RevisionAction.Delete);

    /// <summary>A soft delete recorded as another action (a merge deletes the merged person with a merge revision).</summary>
    internal async Task DeleteAsync<T>(long id, int expectedVersion, RevisionAction action) where T : class, IRecord
    {
        var table = RecordTables.For<T>();
        var current = await LoadForChangeAsync<T>(table, id, expectedVersion);
        var version = current.Version + 1;
        await Connection.ExecuteAsync(
            $"UPDATE {table.Table} SET version = @version, deleted_at = @at, updated_at = @at WHERE id = @id",
            new { version, at = Clock.Stamp(Now), id }, Transaction);
        await WriteRevisionAsync(table.Kind, id, version, action, Sealed(table.Kind, id, RecordDiff.Changes(current, default), current), null);
        await table.AfterChangeAsync(this, current, null);
    }

    /// <summary>Takes back one revision, as a new revision; refused when a later change touched the same fields.</summary>
    public async Task<Revision> UndoAsync(long revisionId)
    {
        var revision = await Reader.RevisionAsync(Database.Keys, Connection, Transaction, revisionId)
            ?? throw new NotFoundException($"there is no revision {revisionId}");
        if (revision.Action is RevisionAction.Merge or RevisionAction.Unmerge)
        {
            // One revision of a merge taken back alone would leave the merge half done: it is taken back whole.
            throw new RevisionConflictException(await PersonMerges.UndoRefusalAsync(this, revision));
        }

        return revision.Kind switch
        {
            RecordKind.Person => await UndoAsync<Person>(revision),
            RecordKind.Place => await UndoAsync<Place>(revision),
            RecordKind.Organization => await UndoAsync<Organization>(revision),
            RecordKind.Relationship => await UndoAsync<Relationship>(revision),
            RecordKind.Event => await UndoAsync<Event>(revision),
            RecordKind.Case => await UndoAsync<Case>(revision),
            RecordKind.Testimony => await UndoAsync<Testimony>(revision),
            RecordKind.Source => await UndoAsync<Source>(revision),
            RecordKind.Citation => await UndoAsync<Citation>(revision),
            _ => throw new ArgumentOutOfRangeException(nameof(revisionId)),
        };
    }

    private async Task<Revision> UndoAsync<T>(Revision revision) where T : class, IRecord
    {
        var table = RecordTables.For<T>();
        var current = await Reader.GetAsync<T>(Database.Keys, Connection, Transaction, revision.RecordId, includeDeleted: true)
            ?? throw new NotFoundException($"{WireCode.Of(revision.Kind)} {revision.RecordId} does not exist");
        var deleted = await IsDeletedAsync(table, revision.RecordId);
        switch (revision.Action)
        {
            case RevisionAction.Create when !deleted:
                await DeleteAsync<T>(revision.RecordId, current.Version);
                break;
            case RevisionAction.Delete when deleted:
                await RestoreAsync(table, current, RevisionAction.Restore, revision.Id);
                break;
            case RevisionAction.Create or RevisionAction.Delete:
                throw new RevisionConflictException(
                    $"revision {revision.Id} cannot be undone: {WireCode.Of(revision.Kind)} {revision.RecordId} is already {(deleted ? "deleted" : "present")}");
            default:
                if (deleted)
                {
                    throw new RevisionConflictException(
                        $"revision {revision.Id} cannot be undone: {WireCode.Of(revision.Kind)} {revision.RecordId} has been deleted; undo the deletion first");
                }

                await UpdateAsync(RecordDiff.Revert(current, revision), RevisionAction.Undo, revision.Id);
                break;
        }

        return (await Reader.HistoryAsync(Database.Keys, Connection, Transaction, revision.Kind, revision.RecordId))[^1];
    }

    /// <summary>Saves a new state of a record with the revision recorded as <paramref name="action"/> (undo, merge, unmerge).</summary>
    internal async Task<T> UpdateAsync<T>(T record, RevisionAction action, long? undoes) where T : class, IRecord
    {
        var table = RecordTables.For<T>();
        var current = await LoadForChangeAsync<T>(table, record.Id, record.Version);
        var prepared = await CheckAsync(table, table.Prepare(record));
        var changes = RecordDiff.Changes(current, prepared);
        if (changes.Count == 0)
        {
            return current;
        }

        var version = current.Version + 1;
        var columns = await table.ColumnsAsync(this, Redaction.WithoutConfidentialFields(prepared));
        var parameters = new DynamicParameters(columns);
        parameters.Add("id", record.Id);
        parameters.Add("expected", current.Version);
        parameters.Add("version", version);
        parameters.Add("confidentiality", WireCode.Of(prepared.Confidentiality));
        parameters.Add("data", Sealing.Data(Database.Keys, prepared, record.Id));
        parameters.Add("updated_at", Clock.Stamp(Now));
        var sets = new[] { "version", "confidentiality", "data", "updated_at" }.Concat(columns.Keys).Select(c => $"{c} = @{c}");
        var rows = await Connection.ExecuteAsync(
            $"UPDATE {table.Table} SET {string.Join(", ", sets)} WHERE id = @id AND version = @expected", parameters, Transaction);
        if (rows != 1)
        {
            throw await StaleAsync<T>(table, record.Id, record.Version);
        }

        var saved = WithIdentity(prepared, record.Id, version);
        await table.WriteChildrenAsync(this, Redaction.WithoutConfidentialFields(saved));
        await SealHistoryAsync(table.Kind, record.Id, prepared.ConfidentialFields.Except(current.ConfidentialFields, StringComparer.Ordinal).ToList());
        await WriteRevisionAsync(table.Kind, record.Id, version, action, Sealed(table.Kind, record.Id, changes, current, prepared), undoes);
        await table.AfterChangeAsync(this, current, saved);
        return saved;
    }

    /// <summary>Changes with the values of fields confidential before or after sealed.</summary>
    private IReadOnlyList<FieldChange> Sealed(RecordKind kind, long id, IReadOnlyList<FieldChange> changes, params IRecord[] states)
    {
        var confidential = new HashSet<string>(ConfidentialFields.Always(kind), StringComparer.Ordinal);
        foreach (var state in states)
        {
            confidential.UnionWith(state.ConfidentialFields);
        }

        return Sealing.Changes(Database.Keys, kind, id, changes, confidential);
    }

    /// <summary>
    /// A field newly marked confidential is sealed in the record's earlier revisions too, so no plain value of it
    /// stays in the history (its values there were plain while it was not confidential).
    /// </summary>
    private async Task SealHistoryAsync(RecordKind kind, long id, IReadOnlyList<string> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        var field = new HashSet<string>(fields, StringComparer.Ordinal);
        var revisions = await Connection.QueryAsync<(long Id, string Changes)>(
            "SELECT id, changes FROM revisions WHERE record_kind = @kind AND record_id = @id", new { kind = WireCode.Of(kind), id }, Transaction);
        foreach (var (revisionId, text) in revisions)
        {
            string? sealedText = null;
            if (text.StartsWith('{'))
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
                if (Sealing.SealFields(Database.Keys, kind, id, node, field))
                {
                    sealedText = node.ToJsonString(KuagerJson.Data);
                }
            }
            else
            {
                var changes = JsonSerializer.Deserialize<List<FieldChange>>(text, KuagerJson.Options)!;
                if (changes.Any(c => field.Contains(c.Field) && ((c.Old is not null && !KeyRing.IsSealed(c.Old)) || (c.New is not null && !KeyRing.IsSealed(c.New)))))
                {
                    sealedText = JsonSerializer.Serialize(Sealing.Changes(Database.Keys, kind, id, changes, field), KuagerJson.Options);
                }
            }

            if (sealedText is not null)
            {
                await Connection.ExecuteAsync("UPDATE revisions SET changes = @sealedText WHERE id = @revisionId", new { sealedText, revisionId }, Transaction);
            }
        }
    }

    /// <summary>Brings a deleted record back, as a revision; returns it at its new version.</summary>
    public Task<T> RestoreAsync<T>(long id) where T : class, IRecord => RestoreAsync<T>(id, RevisionAction.Restore);

    /// <summary>Brings a deleted record back with the revision recorded as <paramref name="action"/> (an unmerge restores the merged person).</summary>
    internal async Task<T> RestoreAsync<T>(long id, RevisionAction action) where T : class, IRecord
    {
        var table = RecordTables.For<T>();
        var current = await Reader.GetAsync<T>(Database.Keys, Connection, Transaction, id, includeDeleted: true)
            ?? throw new NotFoundException($"there is no {WireCode.Of(table.Kind)} {id}");
        if (!await IsDeletedAsync(table, id))
        {
            return current;
        }

        await RestoreAsync(table, current, action, null);
        return WithIdentity(current, id, current.Version + 1);
    }

    private async Task RestoreAsync<T>(RecordTable<T> table, T current, RevisionAction action, long? undoes) where T : class, IRecord
    {
        var version = current.Version + 1;
        await CheckAsync(table, current);
        await Connection.ExecuteAsync(
            $"UPDATE {table.Table} SET version = @version, deleted_at = NULL, updated_at = @at WHERE id = @id",
            new { version, at = Clock.Stamp(Now), id = current.Id }, Transaction);
        var restored = WithIdentity(current, current.Id, version);
        await WriteRevisionAsync(table.Kind, current.Id, version, action, Sealed(table.Kind, current.Id, RecordDiff.Changes(default, restored), restored), undoes);
        await table.AfterChangeAsync(this, null, restored);
    }

    private async Task<T> LoadForChangeAsync<T>(RecordTable<T> table, long id, int expectedVersion) where T : class, IRecord
    {
        var current = await Reader.GetAsync<T>(Database.Keys, Connection, Transaction, id, includeDeleted: false)
            ?? throw new NotFoundException($"there is no {WireCode.Of(table.Kind)} {id}");
        if (current.Version != expectedVersion)
        {
            throw await StaleAsync<T>(table, id, expectedVersion);
        }

        return current;
    }

    private async Task<StaleEditException> StaleAsync<T>(RecordTable<T> table, long id, int expectedVersion) where T : class, IRecord
    {
        var history = await Reader.HistoryAsync(Database.Keys, Connection, Transaction, table.Kind, id);
        var current = history.Count == 0 ? 0 : history[^1].Version;
        var theirs = history.Where(r => r.Version > expectedVersion).SelectMany(r => r.Changes)
            .GroupBy(c => c.Field).Select(g => new FieldChange(g.Key, g.First().Old, g.Last().New)).ToList();
        return new StaleEditException(table.Kind, id, expectedVersion, current, theirs);
    }

    private async Task<T> CheckAsync<T>(RecordTable<T> table, T record) where T : class, IRecord
    {
        var rules = new Rules();
        foreach (var error in record.Validate())
        {
            rules.Add(error.Field, error.Message);
        }

        foreach (var reference in table.References(record))
        {
            if (!await RecordTables.ExistsAsync(Connection, Transaction, reference.Kind, reference.Id))
            {
                rules.Add(reference.Field, "there is no {0} {1}", WireCode.Of(reference.Kind), reference.Id);
            }
        }

        // The checks against stored data (paths, uniqueness) assume a record that keeps its own rules.
        rules.ThrowIfAny();
        await table.ValidateAsync(this, record, rules);
        rules.ThrowIfAny();
        return record;
    }

    private async Task<bool> IsDeletedAsync(IRecordTable table, long id) =>
        await Connection.ExecuteScalarAsync<string?>($"SELECT deleted_at FROM {table.Table} WHERE id = @id", new { id }, Transaction) is not null;

    private Task WriteRevisionAsync(RecordKind kind, long id, int version, RevisionAction action, IReadOnlyList<FieldChange> changes, long? undoes) =>
        WriteRevisionAsync(kind, id, version, action, JsonSerializer.Serialize(changes, KuagerJson.Options), undoes);

    /// <summary>
    /// Saves a revision. Its changes are a JSON array of field changes, or for a creation the created record's
    /// fields as one object (the same text as its data, so bulk imports write it without a second serialisation).
    /// </summary>
    private async Task WriteRevisionAsync(RecordKind kind, long id, int version, RevisionAction action, string changes, long? undoes)
    {
        await Connection.ExecuteAsync(
            "INSERT INTO revisions (record_kind, record_id, version, action, actor, at, changes, undoes_revision_id) " +
            "VALUES (@kind, @id, @version, @action, @actor, @at, @changes, @undoes)",
            new
            {
                kind = WireCode.Of(kind),
                id,
                version,
                action = WireCode.Of(action),
                actor = Actor,
                at = Clock.Stamp(Now),
                changes,
                undoes,
            },
            Transaction);
        await AuditLog.AppendAsync(Connection, Transaction, Database.Provider, Actor, WireCode.Of(action), $"{WireCode.Of(kind)} {id}",
            undoes is { } u ? $"version {version}, undoes revision {u}" : $"version {version}", Now);
    }

    internal static T WithIdentity<T>(T record, long id, int version) where T : class, IRecord
    {
        var node = JsonSerializer.SerializeToNode(record, KuagerJson.Options)!.AsObject();
        node["id"] = id;
        node["version"] = version;
        return node.Deserialize<T>(KuagerJson.Options)!;
    }
}

public sealed class NotFoundException(string message) : Exception(message);
