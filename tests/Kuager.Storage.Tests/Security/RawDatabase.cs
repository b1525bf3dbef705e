using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Kuager.Storage.Tests.Security;

/// <summary>Looks at what a database holds underneath the registry: the SQLite file's bytes, or every text column on PostgreSQL.</summary>
public static class RawDatabase
{
    /// <summary>
    /// Where <paramref name="text"/> occurs in plain form: for SQLite the .db and -wal files' bytes (after a
    /// checkpoint), for PostgreSQL each text column of each table that has a row LIKE it. Empty when nowhere.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindAsync(TestDatabase db, string text)
    {
        var found = new List<string>();
        if (db.Database.Provider == Provider.Sqlite)
        {
            await using (var connection = await db.Database.OpenAsync())
            {
                await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            }

            SqliteConnection.ClearAllPools();
            var needle = Encoding.UTF8.GetBytes(text);
            foreach (var file in new[] { db.Database.FilePath!, db.Database.FilePath + "-wal", db.Database.FilePath + "-journal" })
            {
                if (File.Exists(file) && Contains(await ReadSharedAsync(file), needle))
                {
                    found.Add(Path.GetFileName(file));
                }
            }

            return found;
        }

        await using var pg = await db.Database.OpenAsync();
        var columns = await pg.QueryAsync<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' " +
            "AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'character')");
        foreach (var (table, column) in columns)
        {
            var rows = await pg.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\"::text LIKE @pattern", new { pattern = $"%{text}%" });
            if (rows > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
