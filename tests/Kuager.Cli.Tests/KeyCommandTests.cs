using Dapper;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Import;
using Kuager.Storage.Tests.Security;
using Kuager.Web;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>The key at the command line: --key-file, missing and wrong keys, `kuager key rotate`, and exports of confidential data.</summary>
public sealed class KeyCommandTests
{
    private const string Canary = "+7 701 555 0199 CANARY";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_with_reporter_contact_leaves_no_plain_text_and_the_operator_exports_it(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var csv = ImportFixtures.Write(db, "people.csv",
            "external_id,name,reporter,reporter_contact,confidentiality\n" +
            $"C-1,Aigerim Testova,Her sister,\"{Canary}\",public\n" +
            "C-2,Erlan Testov,,,confidential\n" +
            "C-3,Nurlan Testov,,,restricted\n");

        var imported = await InProcessAsync("import", csv, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Empty(await RawDatabase.FindAsync(db, "CANARY"));

        var all = Path.Combine(db.WorkDirectory, "all.csv");
        var exported = await InProcessAsync("export", "--format", "csv", "--out", all, "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        var text = await File.ReadAllTextAsync(all);
        Assert.StartsWith(ImportFixtures.ExportHeader + "\n", text, StringComparison.Ordinal);
        Assert.Contains($",Her sister,{Canary}\n", text, StringComparison.Ordinal);
        Assert.Contains("C-2,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", exported.Stderr + exported.Stdout, StringComparison.Ordinal);

        // The operator's export of confidential data is audited, without values.
        await using (var connection = await db.Database.OpenAsync())
        {
            var detail = await connection.QuerySingleAsync<string>("SELECT detail FROM audit_log WHERE action = 'export'");
            Assert.DoesNotContain("CANARY", detail, StringComparison.Ordinal);
        }

        // Importing the export again changes nothing.
        var again = await InProcessAsync("import", all, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        Assert.Equal((0, 3), (again.SingleJsonObject().GetProperty("imported").GetInt32(), again.SingleJsonObject().GetProperty("updated").GetInt32()));
        var second = Path.Combine(db.WorkDirectory, "second.csv");
        await InProcessAsync("export", "--format", "csv", "--out", second, "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.Equal(text, await File.ReadAllTextAsync(second));

        var forResearcher = Path.Combine(db.WorkDirectory, "researcher.json");
        var redacted = await InProcessAsync("export", "--format", "json", "--out", forResearcher, "--redact-for", "researcher", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        Assert.True(redacted.ExitCode == 0, redacted.ToString());
        var researcherText = await File.ReadAllTextAsync(forResearcher);
        Assert.DoesNotContain("CANARY", researcherText, StringComparison.Ordinal);
        Assert.DoesNotContain("Her sister", researcherText, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyRing.SealPrefix, researcherText, StringComparison.Ordinal);
        Assert.DoesNotContain("C-2", researcherText, StringComparison.Ordinal);
        Assert.Contains("C-3", researcherText, StringComparison.Ordinal);

        var forVisitor = Path.Combine(db.WorkDirectory, "visitor.csv");
        await InProcessAsync("export", "--format", "csv", "--out", forVisitor, "--redact-for", "visitor", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        var visitorLines = (await File.ReadAllTextAsync(forVisitor)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, visitorLines.Length);
        Assert.StartsWith("C-1,", visitorLines[1], StringComparison.Ordinal);
        Assert.EndsWith(",public,,", visitorLines[1], StringComparison.Ordinal);

        var bad = await InProcessAsync("export", "--format", "csv", "--out", forVisitor, "--redact-for", "nobody", "--db", db.Value);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_missing_or_wrong_key_is_one_clear_line_and_exit_1(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var nowhere = Path.Combine(db.WorkDirectory, "elsewhere", "kuager.key");
        var missing = await InProcessAsync("stats", "--db", db.Value, "--key-file", nowhere, "--json");

        Assert.Equal(ExitCodes.Failed, missing.ExitCode);
        Assert.Equal("", missing.Stdout);
        var line = Assert.Single(missing.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("kuager: the encryption key is missing", line, StringComparison.Ordinal);
        Assert.Contains(nowhere, line, StringComparison.Ordinal);
        Assert.False(File.Exists(nowhere));

        var wrongFile = Path.Combine(db.WorkDirectory, "wrong.key");
        KeyRing.WriteKeyFile(wrongFile, KeyRing.Generate());
        var wrong = await InProcessAsync("stats", "--db", db.Value, "--key-file", wrongFile, "--json");
        Assert.Equal(ExitCodes.Failed, wrong.ExitCode);
        Assert.StartsWith("kuager: the encryption key is wrong", Assert.Single(wrong.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        // The web host refuses to start with the same message.
        var refused = Assert.Throws<KeyException>(() => KuagerWeb.Build(["--urls", "http://127.0.0.1:0", $"--{KuagerWeb.DatabaseKey}={db.Value}", $"--{KuagerWeb.KeyFileKey}={wrongFile}"]));
        Assert.StartsWith("the encryption key is wrong", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Key_rotate_re_encrypts_replaces_the_key_file_and_keeps_the_old_one_retired(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var oldKey = db.Database.Keys;
        var person = await db.Store.CreateAsync(Build.Person() with { ReporterContact = Canary }, "editor");

        var run = await InProcessAsync("key", "rotate", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = run.SingleJsonObject();
        Assert.Equal(oldKey.Id, result.GetProperty("old_key").GetString());
        var newId = result.GetProperty("new_key").GetString();
        Assert.NotEqual(oldKey.Id, newId);
        Assert.Equal(newId, KeyRing.FromEnvironmentOrFile(db.Database.KeyFile!)!.Id);
        var retired = $"{db.Database.KeyFile}.retired-{oldKey.Id}";
        Assert.Equal(retired, result.GetProperty("retired_key_file").GetString());
        Assert.Contains(retired, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(oldKey.Id, KeyRing.FromEnvironmentOrFile(retired)!.Id);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(retired));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db.Database.KeyFile!));
        }

        Assert.DoesNotContain(oldKey.ToBase64(), run.Stdout + run.Stderr, StringComparison.Ordinal);

        // The data reads with the new key; the retired key opens nothing.
        var reopened = Database.From(db.Value);
        reopened.KeyFile = db.Database.KeyFile;
        await Migrator.MigrateAsync(reopened);
        Assert.Equal(Canary, (await new RecordStore(reopened).GetAsync<Person>(person.Id, new Viewer("e", Role.Editor)))!.ReporterContact);
        var withOld = await InProcessAsync("stats", "--db", db.Value, "--key-file", retired);
        Assert.Equal(ExitCodes.Failed, withOld.ExitCode);
        await using var connection = await reopened.OpenAsync();
        Assert.Equal(0, await KeyRotation.CountSealedWithAsync(connection, oldKey.Id));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'key-rotated'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_KUAGER_KEY_rotation_needs_out_and_writes_the_new_key_there(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var key = KeyRing.FromEnvironmentOrFile(db.Database.KeyFile!)!;
        File.Delete(db.Database.KeyFile!);
        var environment = new Dictionary<string, string> { [KeyRing.EnvironmentVariable] = key.ToBase64() };

        var refused = await ProcessContractTests.RunKuagerAsync(db.WorkDirectory, environment, "key", "rotate", "--db", db.Value);
        Assert.True(refused.ExitCode == ExitCodes.Failed, refused.ToString());
        Assert.Contains("--out", refused.Stderr, StringComparison.Ordinal);

        var target = Path.Combine(db.WorkDirectory, "new.key");
        var rotated = await ProcessContractTests.RunKuagerAsync(db.WorkDirectory, environment, "key", "rotate", "--db", db.Value, "--out", target);
        Assert.True(rotated.ExitCode == ExitCodes.Ok, rotated.ToString());
        var fresh = KeyRing.FromEnvironmentOrFile(target)!;
        Assert.NotEqual(key.Id, fresh.Id);
        Assert.False(File.Exists(db.Database.KeyFile));

        var withOld = await ProcessContractTests.RunKuagerAsync(db.WorkDirectory, environment, "stats", "--db", db.Value);
        Assert.Contains("wrong", withOld.Stderr, StringComparison.Ordinal);
        var withNew = await ProcessContractTests.RunKuagerAsync(db.WorkDirectory,
            new Dictionary<string, string> { [KeyRing.EnvironmentVariable] = fresh.ToBase64() }, "stats", "--db", db.Value);
        Assert.True(withNew.ExitCode == ExitCodes.Ok, withNew.ToString());
    }
}
