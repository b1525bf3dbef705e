using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kuager.Storage.Tests;

/// <summary>
/// A fresh, migrated registry for one test: a temporary SQLite file, or a new database on the throwaway
/// PostgreSQL server that scripts/test starts (KUAGER_TEST_PG). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "KUAGER_TEST_PG";

    private readonly string? _directory;
    private readonly string? _pgName;

    private TestDatabase(Database database, string value, string? directory, string? pgName)
    {
        Database = database;
        Value = value;
        _directory = directory;
        _pgName = pgName;
        Store = new RecordStore(database);
    }

    public Database Database { get; }

    public RecordStore Store { get; }

    /// <summary>What --db takes for this database.</summary>
    public string Value { get; }

    /// <summary>A folder private to this test, for files it writes.</summary>
    public string WorkDirectory => _directory ?? Path.GetTempPath();

    /// <summary>The providers every storage test runs on.</summary>
    public static TheoryData<Provider> Providers => new() { Provider.Sqlite, Provider.Postgres };

    public static async Task<TestDatabase> CreateAsync(Provider provider, bool migrate = true)
    {
        var directory = Directory.CreateTempSubdirectory("kuager-test-").FullName;
        TestDatabase db;
        if (provider == Provider.Sqlite)
        {
            var path = Path.Combine(directory, "kuager.db");
            db = new TestDatabase(Database.From(path), path, directory, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set: the storage suite runs on a real PostgreSQL. Run the tests with scripts/test, which starts one.");
            }

            var name = "kuager_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await admin.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            db = new TestDatabase(Database.From(builder.ConnectionString), builder.ConnectionString, directory, name);
        }

        // Each test database has its own key, in its own folder.
        db.Database.KeyFile = Path.Combine(directory, KeyRing.FileName);
        if (migrate)
        {
            await Migrator.MigrateAsync(db.Database);
        }

        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await admin.OpenAsync();
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clean; the test result does not depend on it.
            }
        }
    }

    /// <summary>Counts rows of a table (deleted ones included): for asserting that nothing was written.</summary>
    public async Task<long> RowsAsync(string table)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    /// <summary>Every row of the registry's tables, for asserting that a failed operation changed nothing at all.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SnapshotAsync()
    {
        var tables = new[]
        {
            "persons", "person_names", "person_citizenships", "places", "organizations", "relationships", "events", "event_participants",
            "cases", "case_parties", "case_dates", "testimonies", "sources", "citations", "files", "revisions", "event_types",
        };
        var counts = new Dictionary<string, long>();
        foreach (var t in tables)
        {
            counts[t] = await RowsAsync(t);
        }

        return counts;
    }
}
