using System.CommandLine;
using System.Text.Json;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Cli;

/// <summary>`kuager history KIND ID` lists a record's revisions; `kuager undo REVISION` takes one back as a new revision.</summary>
public static class HistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("kind") { Description = $"The kind of record: {WireCode.Choices<RecordKind>()}" };
        kind.AcceptOnlyFromAmong([.. WireCode.All<RecordKind>()]);
        var id = new Argument<long>("id") { Description = "The record's id" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("history", "List the revisions of a record: who, when, which fields, old and new values") { kind, id, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var store = new RecordStore(await CommonOptions.OpenAsync(parse.GetValue(db), ct));
            var revisions = await store.HistoryAsync(WireCode.Parse<RecordKind>(parse.GetValue(kind)!), parse.GetValue(id), Viewer.Operator(CommonOptions.Actor), ct);
            if (revisions.Count == 0)
            {
                await console.Error.WriteLineAsync($"kuager: there is no {parse.GetValue(kind)} {parse.GetValue(id)}");
                return ExitCodes.Failed;
            }

            await Write(console, revisions, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateUndo(CliConsole console)
    {
        var revision = new Argument<long>("revision") { Description = "The id of the revision to undo (see kuager history)" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("undo", "Undo one revision; refused if a later change touched the same fields") { revision, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var store = new RecordStore(await CommonOptions.OpenAsync(parse.GetValue(db), ct));
            var undo = await store.UndoAsync(parse.GetValue(revision), CommonOptions.Actor, ct);
            await Write(console, [undo], parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task Write(CliConsole console, IReadOnlyList<Revision> revisions, bool json)
    {
        if (json)
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(revisions.Select(r => new
            {
                id = r.Id,
                kind = WireCode.Of(r.Kind),
                record_id = r.RecordId,
                version = r.Version,
                action = WireCode.Of(r.Action),
                actor = r.Actor,
                at = r.At,
                undoes = r.UndoesRevisionId,
                changes = r.Changes.Select(c => new { field = c.Field, old = c.Old, @new = c.New }),
            }), CommonOptions.JsonOutput));
            return;
        }

        foreach (var r in revisions)
        {
            await console.Out.WriteLineAsync(
                $"#{r.Id} v{r.Version} {r.At:yyyy-MM-dd HH:mm:ss} {r.Actor} {WireCode.Of(r.Action)}{(r.UndoesRevisionId is { } u ? $" (undoes #{u})" : "")}: " +
                string.Join(", ", r.Changes.Select(c => c.Field)));
        }
    }
}
