using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kuager.Storage;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the registry lives: an SQLite file (the default, ./data/kuager.db) or a PostgreSQL database when the
/// value is a connection string. Opens connections configured the same way every time.
/// </summary>
public sealed class Database
{
    public const string DefaultPath = "./data/kuager.db";
    public const string EnvironmentVariable = "KUAGER_DB";

    private readonly string _connectionString;

    private Database(Provider provider, string connectionString, string display)
    {
        Provider = provider;
        _connectionString = connectionString;
        Display = display;
    }

    public Provider Provider { get; }

    /// <summary>What to show people: the file path, or host and database without the password.</summary>
    public string Display { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? FilePath { get; private init; }

    /// <summary>Where the encryption key file is, when not the default (see <see cref="KeyRing.KeyFileOf"/>).</summary>
    public string? KeyFile { get; set; }

    private KeyRing? _keys;

    /// <summary>Which database each open connection belongs to, so code given only a connection finds the instance key.</summary>
    private static readonly ConditionalWeakTable<DbConnection, Database> Connections = new();

    /// <summary>The database a connection was opened by (<see cref="OpenAsync"/>), or null for one opened elsewhere.</summary>
    public static Database? Of(DbConnection connection) => Connections.TryGetValue(connection, out var database) ? database : null;

    /// <summary>The instance key, loaded and checked by <see cref="Migrator.MigrateAsync(Database, CancellationToken)"/> on every start.</summary>
    public KeyRing Keys => _keys ?? throw new KeyException($"the encryption key of {Display} has not been loaded: open the database through Migrator.MigrateAsync");

    /// <summary>Loads and checks the key (idempotent); a missing or wrong key throws <see cref="KeyException"/>.</summary>
    public async Task<KeyRing> LoadKeysAsync(CancellationToken ct = default) => _keys ??= await KeyRing.LoadAsync(this, ct);

    /// <summary>Puts a new key in use after a rotation.</summary>
    public void UseKeys(KeyRing keys) => _keys = keys;

    /// <summary>Resolves --db, then KUAGER_DB, then ./data/kuager.db.</summary>
    public static Database Resolve(string? option) =>
        From(!string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
            : DefaultPath);

    public static bool IsConnectionString(string value) =>
        value.Contains('=', StringComparison.Ordinal) && value.Contains("Host", StringComparison.OrdinalIgnoreCase);

    public static Database From(string value)
    {
        if (IsConnectionString(value))
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(value);
            }
            catch (ArgumentException e)
            {
                throw new StorageException($"the PostgreSQL connection string is not valid: {e.Message}");
            }

            builder.IncludeErrorDetail = false;
            return new Database(Provider.Postgres, builder.ConnectionString, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
        }

        var path = Path.GetFullPath(value);
        var csb = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new Database(Provider.Sqlite, csb.ConnectionString, path) { FilePath = path };
    }

    /// <summary>Opens a connection; SQLite files and their folder are created on first use, with WAL turned on.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (Provider == Provider.Sqlite)
        {
            var dir = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(ct);
            await using var cmd = connection.CreateCommand();

            // WAL lets the web app read while an import writes; NORMAL sync is durable across application crashes
            // and is what WAL is designed for. secure_delete zeroes what a change frees, so a value that was plain
            // before a field was marked confidential does not linger in free space of the file.
            cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";
            await cmd.ExecuteNonQueryAsync(ct);
            Connections.AddOrUpdate(connection, this);
            return connection;
        }

        var pg = new NpgsqlConnection(_connectionString);
        try
        {
            await pg.OpenAsync(ct);
        }
        catch (NpgsqlException e)
        {
            await pg.DisposeAsync();
            throw new StorageException($"cannot reach {Display}: {e.Message}");
        }

        Connections.AddOrUpdate(pg, this);
        return pg;
    }

    public override string ToString() => Display;
}

/// <summary>A storage problem described for people (no connection secrets, no SQL).</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);
