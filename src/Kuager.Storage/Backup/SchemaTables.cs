using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Kuager.Storage;

/// <summary>A foreign key from <see cref="Column"/> to <see cref="Table"/>.<see cref="ReferencedColumn"/>.</summary>
public sealed record ForeignKey(string Column, string Table, string ReferencedColumn);

/// <summary>One table as the database describes it: its stored columns (generated ones left out) and foreign keys.</summary>
public sealed record TableInfo(string Name, IReadOnlyList<string> Columns, IReadOnlyList<ForeignKey> ForeignKeys, IReadOnlyList<string> IdentityColumns)
{
    /// <summary>Foreign keys to the table itself (a place's parent): filled in after all its rows are in.</summary>
    public IEnumerable<ForeignKey> SelfReferences => ForeignKeys.Where(f => f.Table == Name);
}

/// <summary>
/// The tables of a database, read from its own catalogue rather than listed by hand, in an order where every table
/// comes after the tables it refers to (ties by name, so the order is the same on every run and provider).
/// </summary>
public static class SchemaTables
{
    public static async Task<IReadOnlyList<TableInfo>> ReadAsync(DbConnection connection, DbTransaction tx, CancellationToken ct = default)
    {
        var tables = connection is SqliteConnection
            ? await ReadSqliteAsync(connection, tx)
            : await ReadPostgresAsync(connection, tx);
        ct.ThrowIfCancellationRequested();
        return Order(tables);
    }

    private static async Task<List<TableInfo>> ReadSqliteAsync(DbConnection connection, DbTransaction tx)
    {
        var all = (await connection.QueryAsync<(string Name, string? Sql)>(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", transaction: tx)).AsList();

        // Full-text indexes are virtual tables with shadow tables of their own; they are rebuilt from the data, not copied.
        var virtualTables = all.Where(t => t.Sql?.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase) == true).Select(t => t.Name).ToList();
        var result = new List<TableInfo>();
        foreach (var (name, _) in all.Where(t => !virtualTables.Any(v => t.Name == v || t.Name.StartsWith(v + "_", StringComparison.Ordinal))))
        {
            var columns = (await connection.QueryAsync<(string Name, long Hidden, long Pk)>(
                "SELECT name, hidden, pk FROM pragma_table_xinfo(@name) ORDER BY cid", new { name }, tx)).AsList();
            var keys = new List<ForeignKey>();
            foreach (var (column, table, to) in await connection.QueryAsync<(string From, string Table, string? To)>(
                         "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(@name)", new { name }, tx))
            {
                var referenced = to ?? await connection.ExecuteScalarAsync<string>("SELECT name FROM pragma_table_info(@table) WHERE pk = 1", new { table }, tx);
                keys.Add(new ForeignKey(column, table, referenced!));
            }

            result.Add(new TableInfo(name, columns.Where(c => c.Hidden is 0 or 1).Select(c => c.Name).ToList(), keys, []));
        }

        return result;
    }

    private static async Task<List<TableInfo>> ReadPostgresAsync(DbConnection connection, DbTransaction tx)
    {
        var names = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
            transaction: tx)).AsList();
        var columns = (await connection.QueryAsync<(string Table, string Column, string Generated, string Identity)>(
            "SELECT table_name, column_name, is_generated, is_identity FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
            transaction: tx)).AsList();
        var keys = (await connection.QueryAsync<(string Table, string Column, string Referenced, string ReferencedColumn)>(
            """
            SELECT cl.relname, a.attname, rc.relname, ra.attname
            FROM pg_constraint c
            JOIN pg_class cl ON cl.oid = c.conrelid
            JOIN pg_class rc ON rc.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            JOIN LATERAL unnest(c.conkey, c.confkey) AS k(attnum, refnum) ON true
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
            JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.refnum
            WHERE c.contype = 'f' AND n.nspname = current_schema()
            """, transaction: tx)).AsList();
        return names.Select(name => new TableInfo(
                name,
                columns.Where(c => c.Table == name && c.Generated != "ALWAYS").Select(c => c.Column).ToList(),
                keys.Where(k => k.Table == name).Select(k => new ForeignKey(k.Column, k.Referenced, k.ReferencedColumn)).ToList(),
                columns.Where(c => c.Table == name && c.Identity == "YES").Select(c => c.Column).ToList()))
            .ToList();
    }

    /// <summary>Referenced tables first; among tables that are ready, by name.</summary>
    private static List<TableInfo> Order(List<TableInfo> tables)
    {
        var ordered = new List<TableInfo>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var left = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => t.ForeignKeys.All(f => f.Table == t.Name || done.Contains(f.Table) || left.All(l => l.Name != f.Table)))
                ?? throw new StorageException($"the tables {string.Join(", ", left.Select(t => t.Name))} refer to each other in a cycle; they cannot be copied in order");
            ordered.Add(next);
            done.Add(next.Name);
            left.Remove(next);
        }

        return ordered;
    }
}
