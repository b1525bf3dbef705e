using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

/// <summary>What a rotation did: the key ids, how many sealed values it re-encrypted, and where the keys are now.</summary>
public sealed record KeyRotationResult(string OldKeyId, string NewKeyId, int Values, string NewKeyFile, string? RetiredKeyFile);

/// <summary>
/// `kuager key rotate`: a new key, every sealed value re-encrypted under it in one transaction (records' data,
/// revisions, accounts' authenticator keys and recovery codes, sealed settings, the key check), then the new key
/// file put in place. The old key is kept beside it as kuager.key.retired-&lt;id&gt; (0600), for backups taken before.
/// </summary>
public static class KeyRotation
{
    /// <summary>
    /// Rotates the key of an opened database (its keys loaded). With <paramref name="outFile"/> the new key is
    /// written there and the key file is left alone (required when KUAGER_KEY holds the key); otherwise the key
    /// file is replaced: the new key is written to kuager.key.new, the transaction commits, and it is renamed over
    /// the key file.
    /// </summary>
    public static async Task<KeyRotationResult> RotateAsync(Database database, string actor, string? outFile, CancellationToken ct = default)
    {
        var old = database.Keys;
        var fresh = KeyRing.Generate();
        var fromEnvironment = Environment.GetEnvironmentVariable(KeyRing.EnvironmentVariable) is { Length: > 0 };
        if (fromEnvironment && outFile is null)
        {
            throw new KeyException($"the key is given in {KeyRing.EnvironmentVariable}: say where to write the new key with --out FILE, then put it in {KeyRing.EnvironmentVariable}");
        }

        var keyFile = KeyRing.KeyFileOf(database);
        var written = outFile is null ? keyFile + ".new" : Path.GetFullPath(outFile);
        if (File.Exists(written))
        {
            throw new KeyException(outFile is null
                ? $"{written} is left from an unfinished rotation; check which key the database uses, then remove it"
                : $"{written} already exists; the new key is written only to a new file");
        }

        string? retired = null;
        if (outFile is null)
        {
            retired = $"{keyFile}.retired-{old.Id}";
            if (!File.Exists(retired))
            {
                KeyRing.WriteKeyFile(retired, old);
            }
        }

        KeyRing.WriteKeyFile(written, fresh);
        int values;
        try
        {
            values = await ReEncryptAsync(database, old, fresh, actor, ct);
        }
        catch
        {
            File.Delete(written);
            throw;
        }

        if (outFile is null)
        {
            File.Move(written, keyFile, overwrite: true);
        }

        database.UseKeys(fresh);
        return new KeyRotationResult(old.Id, fresh.Id, values, outFile is null ? keyFile : written, retired);
    }

    /// <summary>Re-encrypts every sealed value from <paramref name="old"/> to <paramref name="fresh"/> in one transaction, audited; returns how many.</summary>
    public static async Task<int> ReEncryptAsync(Database database, KeyRing old, KeyRing fresh, string actor, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var count = 0;
        string Reseal(string value, string context)
        {
            count++;
            return fresh.Seal(old.Unseal(value, context), context);
        }

        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            var table = RecordTables.TableOf(kind);
            var rows = await connection.QueryAsync<(long Id, string Data)>(
                $"SELECT id, data FROM {table} WHERE data LIKE '%{KeyRing.SealPrefix}%'", transaction: tx);
            foreach (var (id, data) in rows)
            {
                var node = JsonNode.Parse(data)!.AsObject();
                foreach (var field in ConfidentialFields.Of(kind, Sealing.Marks(node)))
                {
                    if (node[field] is JsonValue value && value.TryGetValue<string>(out var text) && KeyRing.IsSealed(text))
                    {
                        node[field] = Reseal(text, Sealing.Context(kind, id, field));
                    }
                }

                await connection.ExecuteAsync($"UPDATE {table} SET data = @data WHERE id = @id", new { data = node.ToJsonString(KuagerJson.Data), id }, tx);
            }
        }

        var revisions = await connection.QueryAsync<(long Id, string Kind, long RecordId, string Changes)>(
            $"SELECT id, record_kind, record_id, changes FROM revisions WHERE changes LIKE '%{KeyRing.SealPrefix}%'", transaction: tx);
        foreach (var (id, kindCode, recordId, changes) in revisions)
        {
            var kind = WireCode.Parse<RecordKind>(kindCode);
            var resealed = Sealing.MapRevision(kind, changes, (field, value) => Reseal(value, Sealing.Context(kind, recordId, field)));
            await connection.ExecuteAsync("UPDATE revisions SET changes = @resealed WHERE id = @id", new { resealed, id }, tx);
        }

        var users = await connection.QueryAsync<(long Id, string? Authenticator, string? Recovery)>(
            "SELECT id, authenticator_key, recovery_codes FROM users WHERE authenticator_key IS NOT NULL OR recovery_codes IS NOT NULL", transaction: tx);
        foreach (var (id, authenticator, recovery) in users)
        {
            await connection.ExecuteAsync("UPDATE users SET authenticator_key = @a, recovery_codes = @r WHERE id = @id",
                new
                {
                    a = KeyRing.IsSealed(authenticator) ? Reseal(authenticator!, $"user {id} authenticator") : authenticator,
                    r = KeyRing.IsSealed(recovery) ? Reseal(recovery!, $"user {id} recovery") : recovery,
                    id,
                }, tx);
        }

        // Settings sealed by other features are bound to their own name, as the key check is.
        var settings = await connection.QueryAsync<(string Name, string Value)>(
            $"SELECT name, value FROM settings WHERE value LIKE '{KeyRing.SealPrefix}%'", transaction: tx);
        foreach (var (name, value) in settings)
        {
            await connection.ExecuteAsync("UPDATE settings SET value = @value WHERE name = @name", new { value = Reseal(value, name), name }, tx);
        }

        await KeyRing.WriteCheckAsync(connection, tx, fresh);
        await AuditLog.AppendAsync(connection, tx, database.Provider, actor, AuditActions.KeyRotated, "key",
            $"{old.Id} to {fresh.Id}, {count} values re-encrypted", DateTimeOffset.UtcNow);
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>Rows of the registry holding a value sealed under the key with this id (for checks after a rotation).</summary>
    public static async Task<long> CountSealedWithAsync(DbConnection connection, string keyId)
    {
        var pattern = $"%{KeyRing.SealPrefix}{keyId}:%";
        long total = 0;
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            total += await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {RecordTables.TableOf(kind)} WHERE data LIKE @pattern", new { pattern });
        }

        total += await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM revisions WHERE changes LIKE @pattern", new { pattern });
        total += await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM users WHERE authenticator_key LIKE @pattern OR recovery_codes LIKE @pattern", new { pattern });
        return total;
    }
}
