using System.Text.Json;
using Kuager.Storage;
using Kuager.Storage.Tests;
using Kuager.Storage.Tests.Import;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>
/// The command line contract that tools outside the repository rely on, checked in process on both providers:
/// exit codes, and with --json exactly one JSON object on stdout with exactly the agreed keys.
/// </summary>
public sealed class CliContractTests
{
    private static readonly string[] ImportKeys = ["imported", "updated", "errors"];
    private static readonly string[] ErrorKeys = ["row", "column", "message"];
    private static readonly string[] StatsKeys = ["persons", "events", "cases", "testimonies", "sources", "places"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_json_prints_one_object_with_exactly_imported_updated_errors_and_exits_0(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var csv = ImportFixtures.Write(db, "registry.csv", ImportFixtures.Registry);
        var json = ImportFixtures.Write(db, "registry.json", ImportFixtures.RegistryJson);

        var first = await InProcessAsync("import", csv, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        var again = await InProcessAsync("import", csv, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        var asJson = await InProcessAsync("import", json, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");

        foreach (var (run, imported, updated) in new[] { (first, 3, 0), (again, 0, 3), (asJson, 0, 3) })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            var result = run.SingleJsonObject();
            Assert.Equal(ImportKeys, Keys(result));
            Assert.Equal(JsonValueKind.Number, result.GetProperty("imported").ValueKind);
            Assert.Equal((imported, updated), (result.GetProperty("imported").GetInt32(), result.GetProperty("updated").GetInt32()));
            Assert.Equal(JsonValueKind.Array, result.GetProperty("errors").ValueKind);
            Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
        }

        Assert.Equal(3, await db.RowsAsync("persons"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_json_with_errors_exits_1_lists_each_error_with_exactly_row_column_message_and_writes_nothing(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportFixtures.ImportValidAsync(db, "registry.csv", ImportFixtures.Registry);
        var before = await db.SnapshotAsync();
        var exported = await ImportFixtures.ExportAsync(db, ExportFormat.Csv);
        var bad = ImportFixtures.Write(db, "bad.csv",
            "external_id,name,gender,birth_year,status\n" +
            "P-001,Құнболат Ерланұлы,m,1971,released\n" +
            "P-011,Әлия Серікқызы,әйел,1988,missing\n" +
            "P-012,Ерлан Асқарұлы,m,1850,jailed\n" +
            "P-013,Ержан");

        var run = await InProcessAsync("import", bad, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var result = run.SingleJsonObject();
        Assert.Equal(ImportKeys, Keys(result));
        Assert.Equal((0, 0), (result.GetProperty("imported").GetInt32(), result.GetProperty("updated").GetInt32()));
        var errors = result.GetProperty("errors").EnumerateArray().ToList();
        foreach (var error in errors)
        {
            Assert.Equal(ErrorKeys, Keys(error));
            Assert.Equal(JsonValueKind.Number, error.GetProperty("row").ValueKind);
            Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }

        Assert.Equal(
            new[] { "3|gender", "4|birth_year", "4|status", "5|" },
            errors.Select(e => $"{e.GetProperty("row").GetInt32()}|{(e.GetProperty("column").ValueKind == JsonValueKind.Null ? "" : e.GetProperty("column").GetString())}"));
        Assert.Contains("\"әйел\" is not a gender", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"jailed\" is not a status", errors[2].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("nothing was imported", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await db.SnapshotAsync());
        Assert.Equal(exported, await ImportFixtures.ExportAsync(db, ExportFormat.Csv));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_of_a_file_that_cannot_be_read_exits_1_with_one_error(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var empty = ImportFixtures.Write(db, "empty.csv", "");
        var header = ImportFixtures.Write(db, "header.csv", "external_id,name,nickname\nP-010,Нұрлан Бекұлы,Нұрa\n");

        foreach (var (file, column, says) in new[]
                 {
                     (Path.Combine(db.WorkDirectory, "no-such-file.csv"), (string?)null, "not found"),
                     (empty, null, "empty"),
                     (header, "nickname", "unknown column"),
                 })
        {
            var run = await InProcessAsync("import", file, "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");

            Assert.True(run.ExitCode == 1, run.ToString());
            var result = run.SingleJsonObject();
            Assert.Equal(ImportKeys, Keys(result));
            var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
            Assert.Equal(ErrorKeys, Keys(error));
            Assert.Equal(column, error.GetProperty("column").ValueKind == JsonValueKind.Null ? null : error.GetProperty("column").GetString());
            Assert.Contains(says, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await db.RowsAsync("persons"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_without_json_prints_nothing_on_stdout(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var csv = ImportFixtures.Write(db, "registry.csv", ImportFixtures.Registry);
        var bad = ImportFixtures.Write(db, "bad.csv", "external_id,name,gender\nP-011,Әлия Серікқызы,x\n");

        var good = await InProcessAsync("import", csv, "--db", db.Value, "--key-file", db.Database.KeyFile!);
        var failed = await InProcessAsync("import", bad, "--db", db.Value, "--key-file", db.Database.KeyFile!);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Equal("", good.Stdout);
        Assert.Contains("imported 3", good.Stderr, StringComparison.Ordinal);
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Equal("", failed.Stdout);
        Assert.Contains("row 2, column gender", failed.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stats_json_prints_exactly_the_six_counts(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var empty = await InProcessAsync("stats", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        await ImportFixtures.ImportValidAsync(db, "registry.csv", ImportFixtures.Registry);
        var full = await InProcessAsync("stats", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");

        foreach (var (run, persons, places) in new[] { (empty, 0, 0), (full, 3, ImportFixtures.RegistryPlaces) })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            var stats = run.SingleJsonObject();
            Assert.Equal(StatsKeys, Keys(stats));
            Assert.All(stats.EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
            Assert.Equal(
                new[] { persons, 0, 0, 0, 0, places },
                StatsKeys.Select(k => stats.GetProperty(k).GetInt32()));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_writes_the_file_and_export_import_export_through_the_cli_gives_the_same_bytes(Provider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await ImportFixtures.ImportValidAsync(source, "registry.csv", ImportFixtures.Registry);

        foreach (var format in new[] { "csv", "json" })
        {
            var first = Path.Combine(source.WorkDirectory, $"first.{format}");
            var second = Path.Combine(source.WorkDirectory, $"second.{format}");
            var fresh = await TestDatabase.CreateAsync(provider);
            await using (fresh)
            {
                var export = await InProcessAsync("export", "--db", source.Value, "--key-file", source.Database.KeyFile!, "--format", format, "--out", first);
                var import = await InProcessAsync("import", first, "--db", fresh.Value, "--key-file", fresh.Database.KeyFile!, "--json");
                var exportAgain = await InProcessAsync("export", "--db", fresh.Value, "--key-file", fresh.Database.KeyFile!, "--format", format, "--out", second);

                Assert.True(export.ExitCode == 0, export.ToString());
                Assert.Equal("", export.Stdout);
                Assert.True(File.Exists(first), $"export did not write {first}");
                Assert.False(File.Exists(first + ".partial"));
                Assert.True(import.ExitCode == 0, import.ToString());
                Assert.Equal(3, import.SingleJsonObject().GetProperty("imported").GetInt32());
                Assert.True(exportAgain.ExitCode == 0, exportAgain.ToString());
                Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            }
        }

        Assert.StartsWith(ImportFixtures.ExportHeader + "\n", File.ReadAllText(Path.Combine(source.WorkDirectory, "first.csv")), StringComparison.Ordinal);
        Assert.StartsWith("[\n  {\"external_id\":\"P-001\"", File.ReadAllText(Path.Combine(source.WorkDirectory, "first.json")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Usage_errors_exit_2_and_print_nothing_on_stdout(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ImportFixtures.ImportValidAsync(db, "registry.csv", ImportFixtures.Registry);
        var before = await db.SnapshotAsync();
        var out1 = Path.Combine(db.WorkDirectory, "out.xml");

        foreach (var args in new string[][]
                 {
                     [],
                     ["import"],
                     ["import", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json"],
                     ["frobnicate", "--db", db.Value, "--key-file", db.Database.KeyFile!],
                     ["export", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--format", "xml", "--out", out1],
                     ["export", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--format", "csv"],
                     ["export", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--out", out1],
                     ["stats", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json", "--verbose"],
                 })
        {
            var run = await InProcessAsync(args);

            Assert.True(run.ExitCode == 2, $"kuager {string.Join(' ', args)}: {run}");
            Assert.True(run.Stdout.Length == 0, $"kuager {string.Join(' ', args)}: {run}");
            Assert.False(string.IsNullOrWhiteSpace(run.Stderr), $"kuager {string.Join(' ', args)} should say what is wrong on stderr");
        }

        Assert.False(File.Exists(out1));
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_exits_0_and_keeps_stdout_for_json(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await InProcessAsync("migrate", "--db", db.Value, "--key-file", db.Database.KeyFile!);
        var again = await InProcessAsync("migrate", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");
        var stats = await InProcessAsync("stats", "--db", db.Value, "--key-file", db.Database.KeyFile!, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("", first.Stdout);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(JsonValueKind.Object, again.SingleJsonObject().ValueKind);
        Assert.True(stats.ExitCode == 0, stats.ToString());
        Assert.Equal(0, stats.SingleJsonObject().GetProperty("persons").GetInt32());
    }
}
