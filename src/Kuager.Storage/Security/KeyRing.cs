using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Kuager.Storage;

/// <summary>A missing, wrong or damaged encryption key: said plainly, never worked around with plaintext.</summary>
public sealed class KeyException(string message) : Exception(message);

/// <summary>
/// The instance key: AES-256-GCM for confidential fields, contact details and authenticator secrets. The key is
/// kept outside the database, in KUAGER_KEY (base64 of 32 bytes) or a key file (mode 0600) created on the
/// database's first start; the database keeps only a check value, so a missing or wrong key is refused at once.
/// </summary>
public sealed class KeyRing
{
    public const string EnvironmentVariable = "KUAGER_KEY";
    public const string FileVariable = "KUAGER_KEY_FILE";
    public const string FileName = "kuager.key";

    /// <summary>Sealed values start with this, then the key id, then base64 of nonce, ciphertext and tag.</summary>
    public const string SealPrefix = "kgr1:";

    private const string CheckSetting = "key_check";
    private const string CheckText = "kuager key check";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public KeyRing(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new KeyException($"the encryption key must be 32 bytes (AES-256); this one is {key.Length}");
        }

        _key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "kuager key id"u8, .. key]))[..16];
    }

    /// <summary>A short public name for the key, written into every sealed value so the wrong key is named, not guessed.</summary>
    public string Id { get; }

    public static KeyRing Generate() => new(RandomNumberGenerator.GetBytes(32));

    public static KeyRing FromBase64(string text, string where)
    {
        try
        {
            return new KeyRing(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            throw new KeyException($"the encryption key in {where} is not base64 of 32 bytes");
        }
    }

    public string ToBase64() => Convert.ToBase64String(_key);

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(SealPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Encrypts with a fresh random nonce. <paramref name="context"/> (e.g. "person 12 reporterContact") is bound
    /// as associated data, so a sealed value copied to another record or field does not open there.
    /// </summary>
    public string Seal(string plaintext, string context = "")
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(context));
        return $"{SealPrefix}{Id}:{Convert.ToBase64String(output)}";
    }

    public string Unseal(string sealedValue, string context = "")
    {
        if (!IsSealed(sealedValue))
        {
            throw new KeyException("the value is not sealed");
        }

        var rest = sealedValue.AsSpan(SealPrefix.Length);
        var colon = rest.IndexOf(':');
        if (colon < 0)
        {
            throw new KeyException("a sealed value is damaged (no key id)");
        }

        var keyId = rest[..colon].ToString();
        if (keyId != Id)
        {
            throw new KeyException($"a value was sealed with key {keyId}, but the key in use is {Id}");
        }

        byte[] data;
        try
        {
            data = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        }
        catch (FormatException)
        {
            throw new KeyException("a sealed value is damaged (not base64)");
        }

        if (data.Length < NonceSize + TagSize)
        {
            throw new KeyException("a sealed value is damaged (too short)");
        }

        var length = data.Length - NonceSize - TagSize;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, length), data.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new KeyException("a sealed value does not open with this key: it was altered or moved");
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>HMAC-SHA256 under a key derived for <paramref name="purpose"/>, e.g. to sign the audit log's head.</summary>
    public string Sign(string purpose, string text)
    {
        var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: Encoding.UTF8.GetBytes("kuager " + purpose));
        return Convert.ToHexStringLower(HMACSHA256.HashData(derived, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Where this database's key file is: KUAGER_KEY_FILE, the database's own setting, or kuager.key beside the SQLite file (./data for PostgreSQL).</summary>
    public static string KeyFileOf(Database database) =>
        database.KeyFile
        ?? (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } env ? env : null)
        ?? Path.Combine(database.FilePath is { } file ? Path.GetDirectoryName(file)! : Path.GetFullPath("./data"), FileName);

    /// <summary>
    /// Loads the key for this database and checks it against the database's check value; on a database that has
    /// none yet (its first start) uses KUAGER_KEY or the key file, creating the file when there is none.
    /// </summary>
    public static async Task<KeyRing> LoadAsync(Database database, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var check = await connection.ExecuteScalarAsync<string?>("SELECT value FROM settings WHERE name = @CheckSetting", new { CheckSetting }, tx);
        var path = KeyFileOf(database);
        var key = FromEnvironmentOrFile(path);
        if (check is null)
        {
            if (key is null)
            {
                key = Generate();
                WriteKeyFile(path, key);
            }

            await WriteCheckAsync(connection, tx, key);
            await tx.CommitAsync(ct);
            return key;
        }

        if (key is null)
        {
            throw new KeyException(
                $"the encryption key is missing: {database.Display} was encrypted with key {check.Split(' ')[0]}. Set {EnvironmentVariable} or put the key file at {path}.");
        }

        var expected = check.Split(' ')[0];
        if (expected != key.Id)
        {
            throw new KeyException($"the encryption key is wrong: {database.Display} expects key {expected}, and the key given is {key.Id}.");
        }

        try
        {
            if (key.Unseal(check.Split(' ')[1], CheckSetting) != CheckText)
            {
                throw new KeyException("the encryption key's check value is damaged");
            }
        }
        catch (IndexOutOfRangeException)
        {
            throw new KeyException("the encryption key's check value is damaged");
        }

        return key;
    }

    /// <summary>Records which key the database is encrypted with (after a first start or a rotation).</summary>
    public static Task WriteCheckAsync(DbConnection connection, DbTransaction tx, KeyRing key) =>
        connection.ExecuteAsync(
            "DELETE FROM settings WHERE name = @CheckSetting; INSERT INTO settings (name, value) VALUES (@CheckSetting, @value)",
            new { CheckSetting, value = $"{key.Id} {key.Seal(CheckText, CheckSetting)}" }, tx);

    /// <summary>KUAGER_KEY when set, else the key file when it exists, else null.</summary>
    public static KeyRing? FromEnvironmentOrFile(string path)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
        {
            return FromBase64(env, EnvironmentVariable);
        }

        return File.Exists(path) ? FromBase64(File.ReadAllText(path), path) : null;
    }

    /// <summary>Writes a key file readable by its owner only (0600), refusing to overwrite one.</summary>
    public static void WriteKeyFile(string path, KeyRing key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(key.ToBase64());
    }
}
