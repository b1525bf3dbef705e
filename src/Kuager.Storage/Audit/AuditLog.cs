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

    /// <summary>The setting that holds the signed head: "seq hash signature" of the last entry.</summary>
    public const string HeadSetting = "audit_head";

    private const string HeadPurpose = "audit head";
    private const string EntryPurpose = "audit entry";

    /// <summary>
    /// Appends an entry in the caller's transaction; appends are serialised so the chain never forks. The entry is
    /// signed and the signed head moved to it in the same transaction, with the key of the database that opened
    /// <paramref name="connection"/> (<see cref="Database.OpenAsync"/>).
    /// </summary>
    public static async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction tx, Provider provider, string actor, string action,
        string? target, string? detail, DateTimeOffset at)
    {
        var database = Database.Of(connection)
            ?? throw new StorageException("an audit entry can only be appended on a connection opened by Database.OpenAsync (its key signs the entry)");
        var keys = await database.LoadKeysAsync();
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
        var signature = keys.Sign(EntryPurpose, hash);
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash, signature) VALUES (@seq, @stamp, @actor, @action, @target, @detail, @prev, @hash, @signature)",
            new { seq, stamp, actor, action, target, detail, prev, hash, signature }, tx);
        await WriteHeadAsync(connection, tx, keys, seq, hash);
        return new AuditEntry(seq, Clock.Parse(stamp), actor, action, target, detail, prev, hash);
    }

    /// <summary>
    /// Re-signs every entry and the head with <paramref name="keys"/>, for a key rotation: call it in the rotation's
    /// transaction after any entry appended there, and before the new key is put in use. Pass the key being
    /// replaced as <paramref name="previous"/>: an entry (or head) whose signature does not hold under it keeps its
    /// bad signature, so tampering done before the rotation is not blessed by it.
    /// </summary>
    public static async Task<int> ResignHeadAsync(DbConnection connection, DbTransaction tx, KeyRing keys, KeyRing? previous = null)
    {
        var resigned = 0;
        var rows = (await connection.QueryAsync<(long Seq, string Hash, string? Signature)>(
            "SELECT seq, hash, signature FROM audit_log ORDER BY seq", transaction: tx)).AsList();
        foreach (var (seq, hash, signature) in rows)
        {
            if (previous is not null && !SignatureHolds(previous, EntryPurpose, hash, signature))
            {
                continue;
            }

            await connection.ExecuteAsync("UPDATE audit_log SET signature = @signature WHERE seq = @seq",
                new { seq, signature = keys.Sign(EntryPurpose, hash) }, tx);
            resigned++;
        }

        var head = await connection.ExecuteScalarAsync<string?>("SELECT value FROM settings WHERE name = @HeadSetting", new { HeadSetting }, tx);
        if (ParseHead(head) is { } parsed && (previous is null || SignatureHolds(previous, HeadPurpose, $"{parsed.Seq} {parsed.Hash}", parsed.Signature)))
        {
            await WriteHeadAsync(connection, tx, keys, parsed.Seq, parsed.Hash);
        }

        return resigned;
    }

    private static Task WriteHeadAsync(DbConnection connection, DbTransaction tx, KeyRing keys, long seq, string hash)
    {
        var text = $"{seq} {hash}";
        return connection.ExecuteAsync(
            "INSERT INTO settings (name, value) VALUES (@HeadSetting, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            new { HeadSetting, value = $"{text} {keys.Sign(HeadPurpose, text)}" }, tx);
    }

    private static bool SignatureHolds(KeyRing keys, string purpose, string text, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(keys.Sign(purpose, text)), Encoding.ASCII.GetBytes(signature));

    private static (long Seq, string Hash, string Signature)? ParseHead(string? value)
    {
        var parts = value?.Split(' ');
        return parts is [var seq, var hash, var signature] && long.TryParse(seq, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? (n, hash, signature)
            : null;
    }

    /// <summary>
    /// Walks the whole log by seq in one snapshot and says whether it is intact: seq runs 1, 2, 3... without gaps,
    /// each prev_hash is the previous entry's hash, each hash recomputes, each entry's signature holds, and the last
    /// entry is the one the signed head names. <see cref="AuditVerification.FirstBad"/> is the seq of the first
    /// entry that fails; for entries missing at a gap or at the end, the first missing seq.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(Database database, CancellationToken ct = default)
    {
        var keys = await database.LoadKeysAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await Snapshot.BeginAsync(connection, ct);
        long entries = 0;
        long lastSeq = 0;
        var lastHash = Genesis;
        long? firstBad = null;
        string? problem = null;

        void Bad(long seq, string why)
        {
            if (firstBad is null)
            {
                firstBad = seq;
                problem = why;
            }
        }

        var rows = connection.QueryUnbufferedAsync<AuditRow>(
            "SELECT seq AS Seq, at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail, prev_hash AS PrevHash, hash AS Hash, signature AS Signature FROM audit_log ORDER BY seq",
            transaction: tx).WithCancellation(ct);
        await foreach (var row in rows)
        {
            entries++;
            if (firstBad is null)
            {
                var expected = lastSeq + 1;
                if (row.Seq != expected)
                {
                    Bad(expected, row.Seq > expected ? $"entry {expected} is missing (the next entry is {row.Seq})" : $"entry {row.Seq} is out of order");
                }
                else if (row.PrevHash != lastHash)
                {
                    Bad(row.Seq, $"entry {row.Seq} does not follow entry {lastSeq}: its previous hash is not that entry's hash");
                }
                else if (HashOf(row.PrevHash, row.Seq, row.At, row.Actor, row.Action, row.Target, row.Detail) != row.Hash)
                {
                    Bad(row.Seq, $"entry {row.Seq} was changed: its hash does not match its contents");
                }
                else if (!SignatureHolds(keys, EntryPurpose, row.Hash, row.Signature))
                {
                    Bad(row.Seq, $"entry {row.Seq} is not signed with this instance's key: it was forged or rewritten");
                }
            }

            lastSeq = row.Seq;
            lastHash = row.Hash;
        }

        if (firstBad is null)
        {
            var value = await connection.ExecuteScalarAsync<string?>("SELECT value FROM settings WHERE name = @HeadSetting", new { HeadSetting }, tx);
            var head = ParseHead(value);
            if (value is null)
            {
                if (entries > 0)
                {
                    Bad(lastSeq, $"the signed head of the log is missing, so entry {lastSeq} cannot be confirmed as the last");
                }
            }
            else if (head is not { } h || !SignatureHolds(keys, HeadPurpose, $"{h.Seq} {h.Hash}", h.Signature))
            {
                var seq = head is { } forged ? Math.Clamp(forged.Seq, 1, Math.Max(1, lastSeq)) : Math.Max(1, lastSeq);
                Bad(seq, "the signed head of the log was altered: its signature does not hold");
            }
            else if (h.Seq > lastSeq)
            {
                Bad(lastSeq + 1, $"entries {lastSeq + 1} to {h.Seq} were deleted from the end of the log");
            }
            else if (h.Seq < lastSeq)
            {
                Bad(h.Seq + 1, $"entries {h.Seq + 1} to {lastSeq} were added after the signed head (entry {h.Seq})");
            }
            else if (h.Hash != lastHash)
            {
                Bad(lastSeq, $"entry {lastSeq} is not the entry the signed head names");
            }
        }

        return new AuditVerification(firstBad is null, entries, firstBad, problem);
    }

    /// <summary>The newest entries first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ListAsync(Database database, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            "SELECT seq AS Seq, at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail, prev_hash AS PrevHash, hash AS Hash, signature AS Signature FROM audit_log ORDER BY seq DESC LIMIT @limit",
            new { limit }, cancellationToken: ct));
        return rows.Select(r => new AuditEntry(r.Seq, Clock.Parse(r.At), r.Actor, r.Action, r.Target, r.Detail, r.PrevHash, r.Hash)).ToList();
    }

    private sealed record AuditRow(long Seq, string At, string Actor, string Action, string? Target, string? Detail, string PrevHash, string Hash, string? Signature);

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

/// <summary>
/// What <see cref="AuditLog.VerifyAsync"/> found: <see cref="FirstBad"/> is the seq of the first entry that fails (for
/// missing entries, the first missing seq), null when the log is intact; <see cref="Problem"/> says why, for people.
/// </summary>
public sealed record AuditVerification(bool Ok, long Entries, long? FirstBad, string? Problem);

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
