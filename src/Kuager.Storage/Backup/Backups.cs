using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Dapper;

namespace Kuager.Storage;

/// <summary>What a backup file says about itself in its first line.</summary>
public sealed record BackupHeader(string Format, int Version, int Schema, string KeyId, string CreatedAt, long Rows);

/// <summary>How far a backup or restore is: rows done of all rows, and the table being copied.</summary>
public readonly record struct BackupProgress(string Table, long Done, long Total);

/// <summary>What a backup or restore copied.</summary>
public sealed record BackupSummary(int Schema, string KeyId, int Tables, long Rows);

/// <summary>
/// Backups of the whole database in one file: gzip'd JSON lines, a header, then for each table (referenced tables
/// first) a line naming it and its columns and one line per row, then an end line. Every table is read in one
/// snapshot, so a backup taken while the app writes is consistent. Values are copied as stored: sealed
/// (encrypted) values stay sealed, and a restored database needs the same key.
/// </summary>
public static class Backups
{
    public const string Format = "kuager-backup";
    public const int Version = 1;

    /// <summary>Tables a freshly migrated database already fills; a restore replaces their rows.</summary>
    private static readonly string[] MigrationTables = ["schema_migrations", "settings", "event_types"];

    /// <summary>Writes a snapshot of <paramref name="database"/> to <paramref name="output"/>, then records the backup in the audit log.</summary>
    public static async Task<BackupSummary> WriteAsync(Database database, Stream output, string actor, IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        var keys = await database.LoadKeysAsync(ct);
        BackupSummary summary;
        await using (var connection = await database.OpenAsync(ct))
        await using (var tx = await Snapshot.BeginAsync(connection, ct))
        {
            var tables = await SchemaTables.ReadAsync(connection, tx, ct);
            var schema = await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_migrations", transaction: tx);
            var counts = new Dictionary<string, long>();
            foreach (var table in tables)
            {
                counts[table.Name] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {Quote(table.Name)}", transaction: tx);
            }

            var total = counts.Values.Sum();
            await using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
            await using var lines = new LineWriter(gzip);
            await lines.WriteAsync(w =>
            {
                w.WriteStartObject();
                w.WriteString("format", Format);
                w.WriteNumber("version", Version);
                w.WriteNumber("schema", schema);
                w.WriteString("keyId", keys.Id);
                w.WriteString("createdAt", Clock.Stamp(DateTimeOffset.UtcNow));
                w.WriteNumber("tables", tables.Count);
                w.WriteNumber("rows", total);
                w.WriteEndObject();
            }, ct);

            long done = 0;
            foreach (var table in tables)
            {
                await lines.WriteAsync(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("table", table.Name);
                    w.WriteStartArray("columns");
                    foreach (var c in table.Columns)
                    {
                        w.WriteStringValue(c);
                    }

                    w.WriteEndArray();
                    w.WriteNumber("rows", counts[table.Name]);
                    w.WriteEndObject();
                }, ct);

                await using var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(Quote))} FROM {Quote(table.Name)}";
                await using var reader = await command.ExecuteReaderAsync(ct);
                var values = new object[table.Columns.Count];
                long rows = 0;
                while (await reader.ReadAsync(ct))
                {
                    reader.GetValues(values);
                    await lines.WriteAsync(w => WriteRow(w, table, values), ct);
                    rows++;
                    if (++done % 1000 == 0)
                    {
                        progress?.Report(new BackupProgress(table.Name, done, total));
                    }
                }

                if (rows != counts[table.Name])
                {
                    throw new StorageException($"table {table.Name} changed during the backup ({counts[table.Name]} rows counted, {rows} read): the snapshot did not hold");
                }
            }

            await lines.WriteAsync(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("end", true);
                w.WriteNumber("rows", done);
                w.WriteEndObject();
            }, ct);
            progress?.Report(new BackupProgress("", done, total));
            summary = new BackupSummary(schema, keys.Id, tables.Count, done);
            await tx.CommitAsync(ct);
        }

        await AuditLog.AppendAsync(database, actor, AuditActions.Backup, null, $"schema {summary.Schema}, {summary.Tables} tables, {summary.Rows} rows", ct);
        return summary;
    }

    /// <summary>Reads the header of a backup file, checking that it is one.</summary>
    public static async Task<BackupHeader> ReadHeaderAsync(Stream input, CancellationToken ct = default)
    {
        await using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return ParseHeader(await reader.ReadLineAsync(ct));
    }

    /// <summary>
    /// Restores a backup into an empty or new database: checks the key first (a restored database never gets a new
    /// key), builds the backup's schema, inserts every row in one transaction, brings the schema up to date, and
    /// records the restore in the audit log. A database that holds data is refused.
    /// </summary>
    public static async Task<BackupSummary> RestoreAsync(Stream input, Database target, string actor, IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        await using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var header = ParseHeader(await reader.ReadLineAsync(ct));

        var latest = Migrator.Latest(target.Provider);
        if (header.Schema > latest)
        {
            throw new StorageException($"the backup has schema version {header.Schema}, newer than this kuager knows ({latest}); use a newer kuager");
        }

        CheckKey(target, header);
        var current = await Migrator.CurrentVersionAsync(target, ct);
        if (current > header.Schema)
        {
            throw new StorageException(
                $"{target.Display} already has schema version {current}, newer than the backup's {header.Schema}: restore into a new, empty database");
        }

        await Migrator.MigrateAsync(target, header.Schema, ct);
        int tableCount = 0;
        long done = 0;
        await using (var connection = await target.OpenAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var tables = (await SchemaTables.ReadAsync(connection, tx, ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
            await RefuseNonEmptyAsync(connection, tx, target, tables.Values);
            foreach (var table in MigrationTables.Where(tables.ContainsKey))
            {
                await connection.ExecuteAsync($"DELETE FROM {Quote(table)}", transaction: tx);
            }

            TableCopy? copy = null;
            var ended = false;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (ended)
                {
                    throw new StorageException("the backup file has data after its end line: it is damaged");
                }

                using var document = ParseLine(line);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    if (copy is null)
                    {
                        throw new StorageException("the backup file has rows before any table: it is damaged");
                    }

                    await copy.AddAsync(root, ct);
                    if (++done % 1000 == 0)
                    {
                        progress?.Report(new BackupProgress(copy.Table.Name, done, header.Rows));
                    }
                }
                else if (root.TryGetProperty("table", out var name))
                {
                    if (copy is not null)
                    {
                        await copy.FinishAsync(ct);
                    }

                    var tableName = name.GetString() ?? "";
                    if (!tables.TryGetValue(tableName, out var table))
                    {
                        throw new StorageException($"the backup has a table {tableName} that schema version {header.Schema} does not have");
                    }

                    var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
                    if (columns.FirstOrDefault(c => !table.Columns.Contains(c)) is { } unknown)
                    {
                        throw new StorageException($"the backup's table {tableName} has a column {unknown} that this database does not have");
                    }

                    copy = new TableCopy(connection, tx, table, columns, root.GetProperty("rows").GetInt64());
                    tableCount++;
                }
                else if (root.TryGetProperty("end", out _))
                {
                    if (copy is not null)
                    {
                        await copy.FinishAsync(ct);
                        copy = null;
                    }

                    if (root.GetProperty("rows").GetInt64() != done)
                    {
                        throw new StorageException($"the backup file's end line counts {root.GetProperty("rows").GetInt64()} rows, but it holds {done}: it is damaged");
                    }

                    ended = true;
                }
                else
                {
                    throw new StorageException("the backup file has a line that is neither a table, a row nor its end: it is damaged");
                }
            }

            if (!ended)
            {
                throw new StorageException("the backup file ends before its end line: it was cut short; nothing was restored");
            }

            if (target.Provider == Provider.Postgres)
            {
                await ResetIdentitiesAsync(connection, tx, tables.Values);
            }

            await tx.CommitAsync(ct);
        }

        // Migrations newer than the backup run on the restored data, as they would have on the original.
        await Migrator.MigrateAsync(target, ct);
        await AuditLog.AppendAsync(target, actor, AuditActions.Restored, null,
            $"backup of {header.CreatedAt}, schema {header.Schema}, {tableCount} tables, {done} rows", ct);
        progress?.Report(new BackupProgress("", done, header.Rows));
        return new BackupSummary(header.Schema, header.KeyId, tableCount, done);
    }

    /// <summary>The key the restored database will use must be the backup's: it is looked for, never made.</summary>
    private static void CheckKey(Database target, BackupHeader header)
    {
        var path = KeyRing.KeyFileOf(target);
        var key = KeyRing.FromEnvironmentOrFile(path);
        if (key is null)
        {
            throw new KeyException(
                $"the backup was made with encryption key {header.KeyId}, and there is no key for {target.Display}: copy the key file of the instance that made the backup to {path} " +
                $"(or pass --key-file, or set {KeyRing.EnvironmentVariable}). A restored database is never given a new key: its encrypted values would not open.");
        }

        if (key.Id != header.KeyId)
        {
            throw new KeyException($"the backup was made with encryption key {header.KeyId}, but the key for {target.Display} ({path}) is {key.Id}: use the key file of the instance that made the backup");
        }
    }

    private static async Task RefuseNonEmptyAsync(DbConnection connection, DbTransaction tx, Database target, IEnumerable<TableInfo> tables)
    {
        var filled = new List<string>();
        foreach (var table in tables.Where(t => !MigrationTables.Contains(t.Name)))
        {
            if (await connection.ExecuteScalarAsync<int?>($"SELECT 1 FROM {Quote(table.Name)} LIMIT 1", transaction: tx) is not null)
            {
                filled.Add(table.Name);
            }
        }

        if (await connection.ExecuteScalarAsync<int?>("SELECT 1 FROM event_types WHERE builtin = 0 LIMIT 1", transaction: tx) is not null)
        {
            filled.Add("event_types");
        }

        if (filled.Count > 0)
        {
            throw new StorageException(
                $"{target.Display} is not empty (rows in {string.Join(", ", filled)}): restore only into a new or empty database; nothing was changed");
        }
    }

    private static async Task ResetIdentitiesAsync(DbConnection connection, DbTransaction tx, IEnumerable<TableInfo> tables)
    {
        foreach (var table in tables)
        {
            foreach (var column in table.IdentityColumns)
            {
                // The next id handed out follows the largest restored one.
                await connection.ExecuteAsync(
                    $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({Quote(column)}) FROM {Quote(table.Name)}), 0) + 1, false)",
                    new { table = Quote(table.Name), column }, tx);
            }
        }
    }

    private static BackupHeader ParseHeader(string? line)
    {
        if (line is null)
        {
            throw new StorageException("the backup file is empty");
        }

        using var document = ParseLine(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Format)
        {
            throw new StorageException("this is not a kuager backup file (its first line is not a kuager-backup header)");
        }

        var version = root.GetProperty("version").GetInt32();
        if (version != Version)
        {
            throw new StorageException($"the backup file has format version {version}; this kuager reads version {Version}");
        }

        return new BackupHeader(Format, version, root.GetProperty("schema").GetInt32(), root.GetProperty("keyId").GetString() ?? "",
            root.GetProperty("createdAt").GetString() ?? "", root.GetProperty("rows").GetInt64());
    }

    private static JsonDocument ParseLine(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new StorageException($"the backup file has a damaged line ({e.Message})");
        }
    }

    private static void WriteRow(Utf8JsonWriter w, TableInfo table, object[] values)
    {
        w.WriteStartArray();
        for (var i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case DBNull or null:
                    w.WriteNullValue();
                    break;
                case string s:
                    w.WriteStringValue(s);
                    break;
                case long l:
                    w.WriteNumberValue(l);
                    break;
                case int n:
                    w.WriteNumberValue(n);
                    break;
                case short n:
                    w.WriteNumberValue(n);
                    break;
                case double d:
                    w.WriteNumberValue(d);
                    break;
                case float f:
                    w.WriteNumberValue(f);
                    break;
                case decimal m:
                    w.WriteNumberValue(m);
                    break;
                case bool b:
                    w.WriteBooleanValue(b);
                    break;
                case byte[] bytes:
                    w.WriteStartObject();
                    w.WriteBase64String("base64", bytes);
                    w.WriteEndObject();
                    break;
                default:
                    throw new StorageException($"column {table.Columns[i]} of table {table.Name} holds a {values[i].GetType().Name}, which backups do not know how to copy");
            }
        }

        w.WriteEndArray();
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One JSON document per line, into a stream.</summary>
    private sealed class LineWriter(Stream stream) : IAsyncDisposable
    {
        private readonly Utf8JsonWriter _writer = new(stream);

        public async Task WriteAsync(Action<Utf8JsonWriter> write, CancellationToken ct)
        {
            write(_writer);
            await _writer.FlushAsync(ct);
            stream.WriteByte((byte)'\n');
            _writer.Reset();
        }

        public ValueTask DisposeAsync() => _writer.DisposeAsync();
    }

    /// <summary>Rows of one table, inserted a batch at a time; references of the table to itself are set once all its rows are in.</summary>
    private sealed class TableCopy(DbConnection connection, DbTransaction tx, TableInfo table, IReadOnlyList<string> columns, long expected)
    {
        private readonly List<object?[]> _batch = [];
        private readonly List<(ForeignKey Key, int Column, int Referenced)> _selfReferences = table.SelfReferences
            .Select(k => (k, columns.ToList().IndexOf(k.Column), columns.ToList().IndexOf(k.ReferencedColumn)))
            .Where(s => s.Item2 >= 0 && s.Item3 >= 0)
            .ToList();

        private readonly List<(ForeignKey Key, object Row, object Value)> _deferred = [];
        private readonly int _batchSize = Math.Max(1, Math.Min(500, 30000 / Math.Max(1, columns.Count)));
        private long _rows;

        public TableInfo Table => table;

        public async Task AddAsync(JsonElement row, CancellationToken ct)
        {
            if (row.GetArrayLength() != columns.Count)
            {
                throw new StorageException($"a row of table {table.Name} in the backup has {row.GetArrayLength()} values for {columns.Count} columns: the file is damaged");
            }

            var values = row.EnumerateArray().Select(ValueOf).ToArray();
            foreach (var (key, column, referenced) in _selfReferences)
            {
                if (values[column] is { } value)
                {
                    _deferred.Add((key, values[referenced]!, value));
                    values[column] = null;
                }
            }

            _batch.Add(values);
            _rows++;
            if (_batch.Count >= _batchSize)
            {
                await FlushAsync(ct);
            }
        }

        public async Task FinishAsync(CancellationToken ct)
        {
            await FlushAsync(ct);
            foreach (var (key, row, value) in _deferred)
            {
                await connection.ExecuteAsync(
                    $"UPDATE {Quote(table.Name)} SET {Quote(key.Column)} = @value WHERE {Quote(key.ReferencedColumn)} = @row", new { value, row }, tx);
            }

            if (_rows != expected)
            {
                throw new StorageException($"the backup's table {table.Name} should have {expected} rows but has {_rows}: the file is damaged");
            }
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            if (_batch.Count == 0)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(Quote))}) VALUES ");
            var n = 0;
            for (var r = 0; r < _batch.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "@p" + n.ToString(CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = _batch[r][c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                    n++;
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
            _batch.Clear();
        }

        private static object? ValueOf(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Object when value.TryGetProperty("base64", out var b) => b.GetBytesFromBase64(),
            _ => throw new StorageException($"the backup file holds a value of kind {value.ValueKind} that no column takes: it is damaged"),
        };
    }
}
