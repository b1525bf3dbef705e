using Dapper;
using Kuager.Core;

namespace Kuager.Storage.Tests;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_database_gets_every_migration_once_and_the_vocabulary(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await Migrator.MigrateAsync(db.Database);
        var second = await Migrator.MigrateAsync(db.Database);

        Assert.Equal(Migrator.For(provider).Select(m => m.Version), first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Equal(Migrator.Latest(provider), await Migrator.CurrentVersionAsync(db.Database));
        Assert.Equal(EventVocabulary.Defaults.Count, await db.RowsAsync("event_types"));
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        Assert.Equal(
            Migrator.For(Provider.Sqlite).Select(m => (m.Version, m.Name)),
            Migrator.For(Provider.Postgres).Select(m => (m.Version, m.Name)));
        Assert.Equal(Enumerable.Range(1, Migrator.Latest(Provider.Sqlite)), Migrator.For(Provider.Sqlite).Select(m => m.Version));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_from_a_newer_kuager_is_refused_not_damaged(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var connection = await db.Database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future', 'now')");
        }

        var error = await Assert.ThrowsAsync<StorageException>(() => Migrator.MigrateAsync(db.Database));

        Assert.Contains("schema version 999", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SQLite_runs_in_WAL_with_foreign_keys_on_and_PostgreSQL_enforces_them_too(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var connection = await db.Database.OpenAsync();
        if (provider == Provider.Sqlite)
        {
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        }

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO person_names (person_id, position, text, script, kind) VALUES (424242, 0, 'x', 'en', 'primary')"));
    }

    [Fact]
    public void The_database_is_chosen_from_the_option_then_the_environment_then_the_default()
    {
        Assert.Equal(Provider.Postgres, Database.From("Host=localhost;Database=kuager;Username=k").Provider);
        Assert.Equal(Provider.Sqlite, Database.From("/tmp/some.db").Provider);
        Assert.EndsWith(Path.Combine("data", "kuager.db"), Database.From(Database.DefaultPath).Display);
        var named = Database.Resolve("/tmp/option.db");
        Assert.Equal(Path.GetFullPath("/tmp/option.db"), named.FilePath);
        Assert.DoesNotContain("secret", Database.From("Host=localhost;Database=kuager;Username=k;Password=secret").Display);
    }
}
