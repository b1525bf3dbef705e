using System.CommandLine;
using System.Text.Json;
using Kuager.Core;
using Kuager.Storage;
using Kuager.Storage.Tests;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>
/// `kuager merge SURVIVOR MERGED` and `kuager unmerge MERGE` on both providers: exit codes, one JSON object with
/// exactly the agreed keys, and the merge really made and taken back.
/// </summary>
public sealed class MergeCommandTests
{
    private static readonly string[] MergeKeys = ["id", "survivor_id", "merged_id", "actor", "at", "undone_by", "undone_at"];

    private static Task<CliRun> RunAsync(params string[] args) => InProcessAsync(args);

    private static string[] Args(TestDatabase db, params string[] args) => [.. args, "--db", db.Value, "--key-file", db.Database.KeyFile!];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merge_and_unmerge_json_print_one_object_with_exactly_the_agreed_keys_and_do_what_they_say(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var survivor = await db.Store.CreateAsync(Build.Person("Baibolat Kunbolatuly"), "editor");
        var merged = await db.Store.CreateAsync(Build.Person("Baybolat Kunbolat"), "editor");

        var run = await RunAsync(Args(db, "merge", $"{survivor.Id}", $"{merged.Id}", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var merge = run.SingleJsonObject();
        Assert.Equal(MergeKeys, Keys(merge));
        var mergeId = merge.GetProperty("id").GetInt64();
        Assert.Equal((survivor.Id, merged.Id), (merge.GetProperty("survivor_id").GetInt64(), merge.GetProperty("merged_id").GetInt64()));
        Assert.Equal(CommonOptions.Actor, merge.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, merge.GetProperty("undone_at").ValueKind);
        Assert.Equal(survivor.Id, await db.Store.MergedIntoAsync(merged.Id));
        Assert.Contains("Baybolat Kunbolat", (await db.Store.GetAsync<Person>(survivor.Id))!.Names.Select(n => n.Text));

        run = await RunAsync(Args(db, "unmerge", $"{mergeId}", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var unmerge = run.SingleJsonObject();
        Assert.Equal(MergeKeys, Keys(unmerge));
        Assert.Equal(mergeId, unmerge.GetProperty("id").GetInt64());
        Assert.Equal(CommonOptions.Actor, unmerge.GetProperty("undone_by").GetString());
        Assert.Equal(JsonValueKind.String, unmerge.GetProperty("undone_at").ValueKind);
        Assert.Null(await db.Store.MergedIntoAsync(merged.Id));
        Assert.NotNull(await db.Store.GetAsync<Person>(merged.Id));
        Assert.Equal(["Baibolat Kunbolatuly", "Айгерім Тестова"], (await db.Store.GetAsync<Person>(survivor.Id))!.Names.Select(n => n.Text));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_json_people_are_told_what_happened_and_refusals_exit_1_naming_the_ids(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var survivor = await db.Store.CreateAsync(Build.Person("Serik Akhmetov"), "editor");
        var merged = await db.Store.CreateAsync(Build.Person("Serik Akhmet"), "editor");

        var run = await RunAsync(Args(db, "merge", $"{survivor.Id}", $"{merged.Id}"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var mergeId = (await db.Store.MergesOfAsync(survivor.Id)).Single().Id;
        Assert.Equal($"merged person {merged.Id} into person {survivor.Id} (merge {mergeId}); to take it back: kuager unmerge {mergeId}\n", run.Stdout);

        var again = await RunAsync(Args(db, "merge", $"{survivor.Id}", $"{merged.Id}"));
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains($"person {merged.Id} has already been merged into person {survivor.Id} (merge {mergeId})", again.Stderr);
        var missing = await RunAsync(Args(db, "merge", $"{survivor.Id}", "999999"));
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Equal("kuager: there is no person 999999\n", missing.Stderr);

        run = await RunAsync(Args(db, "unmerge", $"{mergeId}"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"merge {mergeId} undone: person {merged.Id} is separate from person {survivor.Id} again\n", run.Stdout);
        var twice = await RunAsync(Args(db, "unmerge", $"{mergeId}"));
        Assert.True(twice.ExitCode == 1, twice.ToString());
        Assert.Contains($"merge {mergeId} (person {merged.Id} into person {survivor.Id}) was already undone", twice.Stderr);
        Assert.Empty(twice.Stdout);
    }

    [Theory]
    [InlineData("merge", "7", "7")]
    [InlineData("merge", "7")]
    [InlineData("merge", "seven", "8")]
    [InlineData("merge", "0", "8")]
    [InlineData("unmerge")]
    [InlineData("unmerge", "-3")]
    public async Task Usage_errors_exit_2_with_a_message_and_touch_no_database(params string[] args)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kuager-merge-usage-{Guid.NewGuid():N}", "none.db");

        var run = await RunAsync([.. args, "--db", missing]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("kuager: ", run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }
}
