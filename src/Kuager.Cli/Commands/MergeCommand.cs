using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kuager.Storage;

namespace Kuager.Cli;

/// <summary>
/// `kuager merge SURVIVOR MERGED` merges two records of one person (the second into the first); `kuager unmerge
/// MERGE` takes a merge back. Both are done only when someone asks: nothing is ever merged automatically.
/// </summary>
public static class MergeCommand
{
    /// <summary>A merge as printed with --json.</summary>
    public sealed record Printed(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("survivor_id")] long SurvivorId,
        [property: JsonPropertyName("merged_id")] long MergedId,
        [property: JsonPropertyName("actor")] string Actor,
        [property: JsonPropertyName("at")] DateTimeOffset At,
        [property: JsonPropertyName("undone_by")] string? UndoneBy,
        [property: JsonPropertyName("undone_at")] DateTimeOffset? UndoneAt);

    public static Command CreateMerge(CliConsole console)
    {
        var survivor = new Argument<long>("survivor") { Description = "The id of the person who stays: they get the other's names, empty fields and links" };
        var merged = new Argument<long>("merged") { Description = "The id of the person merged into the survivor (deleted, and restored by kuager unmerge)" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("merge", "Merge two records of one person: the second into the first, keeping every name, event, case, testimony, citation and relationship of both")
        {
            survivor, merged, db, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (survivorId, mergedId) = (parse.GetValue(survivor), parse.GetValue(merged));
            if (survivorId <= 0 || mergedId <= 0)
            {
                await console.Error.WriteLineAsync("kuager: person ids are positive numbers (see the person's page or kuager search)");
                return ExitCodes.Usage;
            }

            if (survivorId == mergedId)
            {
                await console.Error.WriteLineAsync($"kuager: both ids are {survivorId}: give the person who stays, then the person merged into them");
                return ExitCodes.Usage;
            }

            var store = new RecordStore(await CommonOptions.OpenAsync(parse.GetValue(db), ct));
            var merge = await store.MergeAsync(survivorId, mergedId, CommonOptions.Actor, ct);
            await WriteAsync(console, merge, parse.GetValue(json),
                $"merged person {merge.MergedId} into person {merge.SurvivorId} (merge {merge.Id}); to take it back: kuager unmerge {merge.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateUnmerge(CliConsole console)
    {
        var id = new Argument<long>("merge") { Description = "The id of the merge to take back (printed by kuager merge)" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("unmerge", "Take a merge back: the merged person returns with exactly what the merge moved; later edits to other fields stay")
        {
            id, db, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var mergeId = parse.GetValue(id);
            if (mergeId <= 0)
            {
                await console.Error.WriteLineAsync("kuager: a merge id is a positive number (printed by kuager merge)");
                return ExitCodes.Usage;
            }

            var store = new RecordStore(await CommonOptions.OpenAsync(parse.GetValue(db), ct));
            var merge = await store.UnmergeAsync(mergeId, CommonOptions.Actor, ct);
            await WriteAsync(console, merge, parse.GetValue(json),
                $"merge {merge.Id} undone: person {merge.MergedId} is separate from person {merge.SurvivorId} again");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(CliConsole console, PersonMerge merge, bool json, string text)
    {
        if (json)
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(
                new Printed(merge.Id, merge.SurvivorId, merge.MergedId, merge.Actor, merge.At, merge.UndoneBy, merge.UndoneAt), CommonOptions.JsonOutput));
            return;
        }

        await console.Out.WriteLineAsync(text);
    }
}
