using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;

namespace Kuager.Storage;

/// <summary>One audited action: who did what to which record, when. Never holds a confidential value.</summary>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string PrevHash, string Hash);

/// <summary>
/// The tamper-evident audit log: every write and every read of confidential data, each entry carrying the hash of
/// the previous one. Entries are appended inside the transaction of what they record, so a change and its entry
/// are saved together or not at all.
/// </summary>
public static class AuditLog
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Appends an entry in the caller's transaction; appends are serialised so the chain never forks.</summary>
    public static async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction tx, Provider provider, string actor, string action,
        string? target, string? detail, DateTimeOffset at)
    {
        if (provider == Provider.Postgres)
        {
            // Two transactions appending at once would both read the same head; the lock ends with the transaction.
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(7261002)", transaction: tx);
        }

        var head = await connection.QuerySingleOrDefaultAsync<(long Seq, string Hash)>(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: tx);
        var seq = head.Hash is null ? 1 : head.Seq + 1;
        var prev = head.Hash ?? Genesis;
        var stamp = Clock.Stamp(at);
        var hash = HashOf(prev, seq, stamp, actor, action, target, detail);
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash) VALUES (@seq, @stamp, @actor, @action, @target, @detail, @prev, @hash)",
            new { seq, stamp, actor, action, target, detail, prev, hash }, tx);
        return new AuditEntry(seq, Clock.Parse(stamp), actor, action, target, detail, prev, hash);
    }

    /// <summary>Appends an entry in a transaction of its own (reads, sign-ins, administration).</summary>
    public static async Task<AuditEntry> AppendAsync(Database database, string actor, string action, string? target, string? detail, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var entry = await AppendAsync(connection, tx, database.Provider, actor, action, target, detail, DateTimeOffset.UtcNow);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>SHA-256 over the previous hash and the entry's fields, as a JSON array so no field can bleed into the next.</summary>
    public static string HashOf(string prevHash, long seq, string at, string actor, string action, string? target, string? detail)
    {
        var canonical = JsonSerializer.Serialize(new object?[] { prevHash, seq, at, actor, action, target, detail });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The actions the audit log names.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Undo = "undo";
    public const string Restore = "restore";
    public const string Import = "import";

    /// <summary>A read of confidential data (a confidential record, or confidential fields) by an editor or admin.</summary>
    public const string Read = "read";

    public const string Export = "export";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string UserAdded = "user-added";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string KeyRotated = "key-rotated";
    public const string Backup = "backup";
    public const string Restored = "restored";
}
