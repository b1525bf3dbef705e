using System.IO.Compression;
using System.Text;
using Dapper;
using static Kuager.Storage.Tests.Backup.BackupFixtures;

namespace Kuager.Storage.Tests.Backup;

/// <summary>Backups and restores on both providers and across them: every row back, encrypted values still encrypted, audit intact.</summary>
public sealed class BackupTests
{
    [Theory]
    [MemberData(nameof(Pairs), MemberType = typeof(BackupFixtures))]
    public async Task A_restored_backup_has_the_same_rows_in_every_table_and_an_intact_audit_log(Provider from, Provider to)
    {
        await using var source = await TestDatabase.CreateAsync(from);
        await PopulateAsync(source);
        var backup = await BackupAsync(source);
        await using var target = await EmptyTargetFor(source, to);

        var summary = await RestoreAsync(backup, target);

        var (expected, actual) = (await DumpAsync(source), await DumpAsync(target));
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var table in expected.Keys)
        {
            Assert.True(expected[table].SequenceEqual(actual[table]), $"table {table} differs:\n{string.Join("\n", expected[table])}\n---\n{string.Join("\n", actual[table])}");
        }

        Assert.Contains("users", expected.Keys);
        Assert.NotEmpty(expected["revisions"]);
        Assert.Equal(expected.Values.Sum(rows => (long)rows.Count) + 1 /* the audit head */, summary.Rows);
        var verification = await AuditLog.VerifyAsync(target.Database);
        Assert.True(verification.Ok, verification.Problem);
        Assert.Equal(await source.RowsAsync("audit_log"), verification.Entries); // the source's "backup" entry, the target's "restored"
        var audit = await AuditLog.ListAsync(target.Database, 1);
        Assert.Equal(AuditActions.Restored, audit[0].Action);
        Assert.Equal(AuditActions.Backup, (await AuditLog.ListAsync(source.Database, 1))[0].Action);

        // The restored database goes on working: new ids follow the restored ones, and its key opens the sealed secret.
        var next = await target.Store.CreateAsync(Build.Person(), "editor");
        Assert.True(next.Id > await MaxIdAsync(source, "persons"));
        await using var connection = await target.Database.OpenAsync();
        var (id, secret) = await connection.QuerySingleAsync<(long, string)>("SELECT id, authenticator_key FROM users");
        Assert.Equal(SecretCanary, target.Database.Keys.Unseal(secret, $"user {id} authenticator"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Encrypted_values_stay_encrypted_in_the_backup_file(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await PopulateAsync(source);
        var text = Text(await BackupAsync(source));

        Assert.DoesNotContain(SecretCanary, text, StringComparison.Ordinal);
        Assert.Contains(KeyRing.SealPrefix, text, StringComparison.Ordinal);

        // The reporter's contact is in the file exactly as the database stores it: sealed once sealing stores it sealed.
        await using var connection = await source.Database.OpenAsync();
        var storedInClear = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM persons WHERE data LIKE @canary", new { canary = $"%{ContactCanary}%" }) > 0;
        Assert.Equal(storedInClear, text.Contains(ContactCanary, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_backup_taken_while_records_are_written_restores_consistent(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await PopulateAsync(source);
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var person = await source.Store.CreateAsync(Build.Person(), "importer");
                await source.Store.UpdateAsync(person with { Notes = "second thoughts" }, "importer");
                Interlocked.Increment(ref written);
            }
        });

        while (Volatile.Read(ref written) < 5)
        {
            await Task.Delay(10);
        }

        var backup = await BackupAsync(source);
        var during = Volatile.Read(ref written);
        while (Volatile.Read(ref written) < during + 3)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await writer;

        await using var target = await EmptyTargetFor(source, provider);
        await RestoreAsync(backup, target);
        await using var connection = await target.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM revisions r WHERE r.record_kind = 'person' AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = r.record_id)"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM persons p WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.record_kind = 'person' AND r.record_id = p.id)"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM persons p WHERE p.version <> (SELECT MAX(r.version) FROM revisions r WHERE r.record_kind = 'person' AND r.record_id = p.id)"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM persons p WHERE NOT EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = p.id)"));

        // Every revision has its audit entry: the snapshot cut between transactions, never through one.
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM revisions"),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action IN ('create', 'update', 'undo')"));
        var restoredPeople = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM persons");
        Assert.InRange(restoredPeople, 1 + 5, await source.RowsAsync("persons") - 1);
        var verification = await AuditLog.VerifyAsync(target.Database);
        Assert.True(verification.Ok, verification.Problem);
        Assert.True((await AuditLog.VerifyAsync(source.Database)).Ok);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_refuses_a_database_that_holds_data_and_changes_nothing(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await PopulateAsync(source);
        var backup = await BackupAsync(source);
        await using var other = await TestDatabase.CreateAsync(provider);
        await other.Store.CreateAsync(Build.Person(), "editor");
        File.Delete(other.Database.KeyFile!);
        File.Copy(KeyRing.KeyFileOf(source.Database), other.Database.KeyFile!);
        var before = await other.SnapshotAsync();

        var error = await Assert.ThrowsAsync<StorageException>(() => RestoreAsync(backup, other));

        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("persons", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await other.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_without_the_backups_key_says_to_copy_the_key_file_and_makes_no_key(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await PopulateAsync(source);
        var backup = await BackupAsync(source);
        await using var target = await TestDatabase.CreateAsync(provider, migrate: false);

        var missing = await Assert.ThrowsAsync<KeyException>(() => RestoreAsync(backup, target));
        Assert.Contains("copy the key file", missing.Message, StringComparison.Ordinal);
        Assert.Contains(source.Database.Keys.Id, missing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target.Database.KeyFile), "a restore must never make a new key");
        Assert.Equal(0, await Migrator.CurrentVersionAsync(target.Database));

        KeyRing.WriteKeyFile(target.Database.KeyFile!, KeyRing.Generate());
        var wrong = await Assert.ThrowsAsync<KeyException>(() => RestoreAsync(backup, target));
        Assert.Contains(source.Database.Keys.Id, wrong.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Migrator.CurrentVersionAsync(target.Database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cut_short_backup_restores_nothing(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await PopulateAsync(source);
        var text = Text(await BackupAsync(source));
        var cut = string.Join('\n', text.Split('\n')[..^3]) + "\n";
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(cut));
        }

        await using var target = await EmptyTargetFor(source, provider);
        var error = await Assert.ThrowsAsync<StorageException>(() => RestoreAsync(gzipped.ToArray(), target));
        Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await target.RowsAsync("persons"));
        Assert.Equal(0, await target.RowsAsync("audit_log"));
    }
}
