using System.Data.Common;
using System.Reflection;
using Dapper;
using Kuager.Core;

namespace Kuager.Storage;

public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Versioned, forward-only schema changes: numbered SQL files per provider, each applied once in its own
/// transaction and recorded in schema_migrations. Run on every start and by `kuager migrate`.
/// </summary>
public static class Migrator
{
    public static IReadOnlyList<Migration> For(Provider provider)
    {
        var prefix = $"Kuager.Storage.Migrations.{provider}.";
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                return new Migration(version, file, Read(assembly, n));
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    public static int Latest(Provider provider) => For(provider)[^1].Version;

    /// <summary>Applies what is missing; returns the migrations applied now.</summary>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(Database db, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        if (db.Provider == Provider.Postgres)
        {
            // Two processes starting at once must not both apply the same migration.
            await connection.ExecuteAsync("SELECT pg_advisory_lock(7261001)");
        }

        try
        {
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
            var known = For(db.Provider);
            var newest = applied.Count == 0 ? 0 : applied.Max();
            if (newest > known[^1].Version)
            {
                throw new StorageException(
                    $"the database {db.Display} has schema version {newest}, newer than this kuager knows ({known[^1].Version}); use a newer kuager");
            }

            var done = new List<Migration>();
            foreach (var migration in known.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await connection.ExecuteAsync(migration.Sql, transaction: tx);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = Clock.Stamp(DateTimeOffset.UtcNow) }, tx);
                if (migration.Version == 1)
                {
                    await SeedVocabularyAsync(connection, tx);
                }

                await tx.CommitAsync(ct);
                done.Add(migration);
            }

            return done;
        }
        finally
        {
            if (db.Provider == Provider.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(7261001)");
            }
        }
    }

    public static async Task<int> CurrentVersionAsync(Database db, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            return await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations") ?? 0;
        }
        catch (DbException)
        {
            return 0;
        }
    }

    private static async Task SeedVocabularyAsync(DbConnection connection, DbTransaction tx)
    {
        foreach (var t in EventVocabulary.Defaults)
        {
            await connection.ExecuteAsync(
                "INSERT INTO event_types (code, label, region, implies, builtin) VALUES (@Code, @Label, @Region, @Implies, 1)",
                new { t.Code, t.Label, Region = WireCode.Of(t.Region), Implies = t.Implies is { } s ? WireCode.Of(s) : null },
                tx);
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
