using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Kuager.Storage;

/// <summary>A read-only transaction that sees the database as it was at one moment, while others go on writing.</summary>
public static class Snapshot
{
    /// <summary>
    /// SQLite: a deferred transaction on a WAL database reads one snapshot from its first read to its end.
    /// PostgreSQL: REPEATABLE READ READ ONLY sees one snapshot taken at its first statement.
    /// </summary>
    public static async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken ct = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: true);
        }

        var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await connection.ExecuteAsync("SET TRANSACTION READ ONLY", transaction: tx);
        return tx;
    }
}
