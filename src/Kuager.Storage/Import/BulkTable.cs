using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Kuager.Storage;

public enum BulkType
{
    Int32,
    Int64,
    Text,
}

/// <summary>
/// Fast inserts of many rows into one table inside a session's transaction: one prepared statement reused on
/// SQLite, binary COPY on PostgreSQL. Used where per-record saving would be too slow (imports of a million people).
/// </summary>
internal abstract class BulkTable : IDisposable
{
    protected BulkTable(string table, (string Name, BulkType Type)[] columns)
    {
        Table = table;
        ColumnSet = columns;
    }

    protected string Table { get; }

    protected (string Name, BulkType Type)[] ColumnSet { get; }

    public static BulkTable Create(Session session, string table, params (string Name, BulkType Type)[] columns) =>
        session.Database.Provider == Provider.Sqlite
            ? new SqliteBulkTable(session, table, columns)
            : new PostgresBulkTable(session, table, columns);

    public abstract void Add(params object?[] values);

    /// <summary>Writes what is buffered; rows are in the table afterwards.</summary>
    public abstract Task FlushAsync();

    public virtual void Dispose()
    {
    }

    /// <summary>
    /// One prepared statement driven through SQLite's own API, binding by position: ADO.NET binds parameters by
    /// name on every execution, which dominates the cost of a million small inserts.
    /// </summary>
    private sealed class SqliteBulkTable : BulkTable
    {
        private const int SqliteDone = 101;

        private readonly Session _session;
        private readonly List<object?[]> _rows = [];
        private sqlite3_stmt? _statement;

        public SqliteBulkTable(Session session, string table, (string Name, BulkType Type)[] columns) : base(table, columns) => _session = session;

        public override void Add(params object?[] values) => _rows.Add(values);

        public override Task FlushAsync()
        {
            var db = ((SqliteConnection)_session.Connection).Handle!;
            if (_statement is null)
            {
                var sql = $"INSERT INTO {Table} ({string.Join(", ", ColumnSet.Select(c => c.Name))}) VALUES ({string.Join(", ", ColumnSet.Select(_ => "?"))})";
                Check(db, raw.sqlite3_prepare_v2(db, sql, out _statement));
            }

            foreach (var row in _rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    var rc = row[i] switch
                    {
                        null => raw.sqlite3_bind_null(_statement, i + 1),
                        string text => raw.sqlite3_bind_text(_statement, i + 1, text),
                        var number => raw.sqlite3_bind_int64(_statement, i + 1, Convert.ToInt64(number, System.Globalization.CultureInfo.InvariantCulture)),
                    };
                    Check(db, rc);
                }

                var step = raw.sqlite3_step(_statement);
                raw.sqlite3_reset(_statement);
                if (step != SqliteDone)
                {
                    Check(db, step);
                }
            }

            _rows.Clear();
            return Task.CompletedTask;
        }

        public override void Dispose()
        {
            _statement?.Dispose();
            base.Dispose();
        }

        private static void Check(sqlite3 db, int rc)
        {
            if (rc != 0)
            {
                throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
            }
        }
    }

    private sealed class PostgresBulkTable(Session session, string table, (string Name, BulkType Type)[] columns) : BulkTable(table, columns)
    {
        private readonly List<object?[]> _rows = [];

        public override void Add(params object?[] values) => _rows.Add(values);

        public override async Task FlushAsync()
        {
            if (_rows.Count == 0)
            {
                return;
            }

            var connection = (NpgsqlConnection)session.Connection;
            await using (var importer = await connection.BeginBinaryImportAsync(
                $"COPY {Table} ({string.Join(", ", ColumnSet.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in _rows)
                {
                    await importer.StartRowAsync();
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is null)
                        {
                            await importer.WriteNullAsync();
                            continue;
                        }

                        switch (ColumnSet[i].Type)
                        {
                            case BulkType.Int32: await importer.WriteAsync(Convert.ToInt32(row[i], System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Integer); break;
                            case BulkType.Int64: await importer.WriteAsync(Convert.ToInt64(row[i], System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Bigint); break;
                            default: await importer.WriteAsync((string)row[i]!, NpgsqlDbType.Text); break;
                        }
                    }
                }

                await importer.CompleteAsync();
            }

            _rows.Clear();
        }
    }
}

internal static class Ids
{
    /// <summary>
    /// Reserves <paramref name="count"/> ids for new rows of a table: past the largest on SQLite (the session holds
    /// the write lock), from the identity sequence on PostgreSQL.
    /// </summary>
    public static async Task<long[]> ReserveAsync(Session session, string table, int count, long? sqliteNext)
    {
        if (session.Database.Provider == Provider.Sqlite)
        {
            return Enumerable.Range(0, count).Select(i => sqliteNext!.Value + i).ToArray();
        }

        await using DbCommand cmd = session.Connection.CreateCommand();
        cmd.Transaction = session.Transaction;
        cmd.CommandText = $"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {count})";
        var ids = new long[count];
        await using var reader = await cmd.ExecuteReaderAsync();
        for (var i = 0; await reader.ReadAsync(); i++)
        {
            ids[i] = reader.GetInt64(0);
        }

        return ids;
    }
}
