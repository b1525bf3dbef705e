using System.Data.Common;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>A reference from a record to another one, checked before every save so the error names the field.</summary>
public sealed record Reference(string Field, RecordKind Kind, long Id);

/// <summary>
/// How one kind of record is kept: its table, the projection columns and child tables that lists and joins use,
/// the references to check, and what else must change with it. The JSON in `data` stays the truth.
/// </summary>
public abstract class RecordTable<T> : IRecordTable where T : class, IRecord
{
    public abstract RecordKind Kind { get; }

    public string Table => RecordTables.TableOf(Kind);

    public virtual T Prepare(T record) => record;

    public abstract Task<IReadOnlyDictionary<string, object?>> ColumnsAsync(Session session, T record);

    public virtual IEnumerable<Reference> References(T record) => [];

    public virtual Task ValidateAsync(Session session, T record, Rules rules) => Task.CompletedTask;

    /// <summary>Child tables of the record are rewritten on each save.</summary>
    public virtual Task WriteChildrenAsync(Session session, T record) => Task.CompletedTask;

    /// <summary>Called after a save or delete with the state before (null on create) and after (null on delete).</summary>
    public virtual Task AfterChangeAsync(Session session, T? before, T? after) => Task.CompletedTask;

    protected static async Task ReplaceRowsAsync(Session session, string table, string keyColumn, long id, string insertSql, IEnumerable<object> rows)
    {
        await session.Connection.ExecuteAsync($"DELETE FROM {table} WHERE {keyColumn} = @id", new { id }, session.Transaction);
        foreach (var row in rows)
        {
            await session.Connection.ExecuteAsync(insertSql, row, session.Transaction);
        }
    }
}

/// <summary>The kind-independent face of a table, for code that handles any record (undo, history).</summary>
public interface IRecordTable
{
    RecordKind Kind { get; }

    string Table { get; }
}

public static class RecordTables
{
    public static string TableOf(RecordKind kind) => kind switch
    {
        RecordKind.Person => "persons",
        RecordKind.Place => "places",
        RecordKind.Organization => "organizations",
        RecordKind.Relationship => "relationships",
        RecordKind.Event => "events",
        RecordKind.Case => "cases",
        RecordKind.Testimony => "testimonies",
        RecordKind.Source => "sources",
        RecordKind.Citation => "citations",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static RecordKind KindOf<T>() where T : IRecord => typeof(T).Name switch
    {
        nameof(Person) => RecordKind.Person,
        nameof(Place) => RecordKind.Place,
        nameof(Organization) => RecordKind.Organization,
        nameof(Relationship) => RecordKind.Relationship,
        nameof(Event) => RecordKind.Event,
        nameof(Case) => RecordKind.Case,
        nameof(Testimony) => RecordKind.Testimony,
        nameof(Source) => RecordKind.Source,
        nameof(Citation) => RecordKind.Citation,
        _ => throw new ArgumentOutOfRangeException(typeof(T).Name),
    };

    public static RecordTable<T> For<T>() where T : class, IRecord => (RecordTable<T>)(object)(KindOf<T>() switch
    {
        RecordKind.Person => new PersonTable(),
        RecordKind.Place => new PlaceTable(),
        RecordKind.Organization => new OrganizationTable(),
        RecordKind.Relationship => new RelationshipTable(),
        RecordKind.Event => new EventTable(),
        RecordKind.Case => new CaseTable(),
        RecordKind.Testimony => new TestimonyTable(),
        RecordKind.Source => new SourceTable(),
        RecordKind.Citation => new CitationTable(),
        _ => throw new ArgumentOutOfRangeException(typeof(T).Name),
    });

    internal static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? tx, RecordKind kind, long id) =>
        await connection.ExecuteScalarAsync<long?>($"SELECT id FROM {TableOf(kind)} WHERE id = @id AND deleted_at IS NULL", new { id }, tx) is not null;
}
