using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

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
internal abstract class BulkTable
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

    private sealed class SqliteBulkTable : BulkTable
    {
        private readonly SqliteCommand _command;

        public SqliteBulkTable(Session session, string table, (string Name, BulkType Type)[] columns) : base(table, columns)
        {
            _command = (SqliteCommand)session.Connection.CreateCommand();
            _command.Transaction = (SqliteTransaction)session.Transaction;
            _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < columns.Length; i++)
            {
                _command.Parameters.Add(new SqliteParameter("$p" + i, columns[i].Type == BulkType.Text ? SqliteType.Text : SqliteType.Integer));
            }

            _command.Prepare();
        }

        public override void Add(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
        }

        public override Task FlushAsync() => Task.CompletedTask;
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
