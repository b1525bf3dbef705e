using System.Text.Json;
using Dapper;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Backup;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>`kuager audit verify|list`, `kuager backup` and `kuager restore` as outside scripts call them, on both providers.</summary>
public sealed class AuditBackupCliTests
{
    private static readonly string[] VerifyKeys = ["ok", "entries", "first_bad"];
    private static readonly string[] EntryKeys = ["seq", "at", "actor", "action", "target", "detail"];

    private static async Task<CliRun> Run(TestDatabase db, params string[] args) =>
        await InProcessAsync([.. args, "--db", db.Value, "--key-file", db.Database.KeyFile!]);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Audit_verify_json_is_exactly_ok_entries_first_bad_and_exits_1_when_tampered(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await BackupFixtures.PopulateAsync(db);
        var entries = await db.RowsAsync("audit_log");

        var intact = await Run(db, "audit", "verify", "--json");
        Assert.True(intact.ExitCode == 0, intact.ToString());
        var ok = intact.SingleJsonObject();
        Assert.Equal(VerifyKeys, Keys(ok));
        Assert.True(ok.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Number, ok.GetProperty("entries").ValueKind);
        Assert.Equal(entries, ok.GetProperty("entries").GetInt64());
        Assert.Equal(JsonValueKind.Null, ok.GetProperty("first_bad").ValueKind);
        Assert.Equal("", intact.Stderr);

        await using (var connection = await db.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE audit_log SET actor = 'nobody' WHERE seq = 4");
        }

        var tampered = await Run(db, "audit", "verify", "--json");
        Assert.True(tampered.ExitCode == 1, tampered.ToString());
        var bad = tampered.SingleJsonObject();
        Assert.Equal(VerifyKeys, Keys(bad));
        Assert.False(bad.GetProperty("ok").GetBoolean());
        Assert.Equal(entries, bad.GetProperty("entries").GetInt64());
        Assert.Equal(JsonValueKind.Number, bad.GetProperty("first_bad").ValueKind);
        Assert.Equal(4, bad.GetProperty("first_bad").GetInt64());

        var sentence = await Run(db, "audit", "verify");
        Assert.Equal(1, sentence.ExitCode);
        Assert.Contains("tampered", sentence.Stdout, StringComparison.Ordinal);
        Assert.Contains("entry 4", sentence.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Audit_verify_reports_a_deleted_last_entry_as_the_heads_seq(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await BackupFixtures.PopulateAsync(db);
        var last = await db.RowsAsync("audit_log");
        await using (var connection = await db.Database.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM audit_log WHERE seq = @last", new { last });
        }

        var run = await Run(db, "audit", "verify", "--json");
        Assert.True(run.ExitCode == 1, run.ToString());
        var result = run.SingleJsonObject();
        Assert.Equal((false, last - 1, last), (result.GetProperty("ok").GetBoolean(), result.GetProperty("entries").GetInt64(), result.GetProperty("first_bad").GetInt64()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Audit_list_shows_the_newest_entries_first_without_confidential_values(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await BackupFixtures.PopulateAsync(db);

        var run = await Run(db, "audit", "list", "--json", "--limit", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        var entries = run.SingleJsonObject().GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        var total = await db.RowsAsync("audit_log");
        Assert.Equal(new[] { total, total - 1, total - 2 }, entries.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal(EntryKeys, Keys(entries[0]));
        Assert.DoesNotContain(BackupFixtures.ContactCanary, run.Stdout, StringComparison.Ordinal);

        var text = await Run(db, "audit", "list");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("token-created", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BackupFixtures.Pairs), MemberType = typeof(BackupFixtures))]
    public async Task Backup_then_restore_into_a_new_database_round_trips_and_refuses_a_second_restore(Provider from, Provider to)
    {
        await using var source = await TestDatabase.CreateAsync(from);
        await BackupFixtures.PopulateAsync(source);
        var file = Path.Combine(source.WorkDirectory, "registry.kuager-backup");

        var backup = await Run(source, "backup", "--out", file);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(file + ".partial"));
        Assert.Equal("", backup.Stdout);

        await using var target = await BackupFixtures.EmptyTargetFor(source, to);
        var restore = await Run(target, "restore", file);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(await source.RowsAsync("persons"), await target.RowsAsync("persons"));

        var verify = await Run(target, "audit", "verify", "--json");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.True(verify.SingleJsonObject().GetProperty("ok").GetBoolean());

        var again = await Run(target, "restore", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not empty", again.Stderr, StringComparison.Ordinal);
        Assert.Equal("", again.Stdout);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_without_the_key_tells_to_copy_the_key_file_and_exits_1(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await BackupFixtures.PopulateAsync(source);
        var file = Path.Combine(source.WorkDirectory, "registry.kuager-backup");
        Assert.Equal(0, (await Run(source, "backup", "--out", file)).ExitCode);
        await using var target = await TestDatabase.CreateAsync(provider, migrate: false);

        var run = await Run(target, "restore", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("copy the key file", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(target.Database.KeyFile));
    }
}
