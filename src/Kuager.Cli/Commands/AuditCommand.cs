using System.CommandLine;
using System.Text.Json;
using Kuager.Storage;

namespace Kuager.Cli;

/// <summary>`kuager audit verify` checks the audit log's hash chain and signatures; `kuager audit list` shows the newest entries.</summary>
public static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("audit", "Check or list the tamper-evident audit log");
        command.Subcommands.Add(CreateVerify(console));
        command.Subcommands.Add(CreateList(console));
        return command;
    }

    private static Command CreateVerify(CliConsole console)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("verify", "Check that no audit entry was changed, deleted, inserted or reordered (exit 0 intact, 1 tampered)") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var result = await AuditLog.VerifyAsync(database, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { ok = result.Ok, entries = result.Entries, first_bad = result.FirstBad }, CommonOptions.JsonOutput));
            }
            else if (result.Ok)
            {
                await console.Out.WriteLineAsync($"The audit log of {database.Display} is intact: {result.Entries} {(result.Entries == 1 ? "entry" : "entries")}, each following the one before, and the last one is the signed head.");
            }
            else
            {
                await console.Out.WriteLineAsync($"The audit log of {database.Display} was tampered with: {result.Problem} (first bad entry: {result.FirstBad}; {result.Entries} entries).");
            }

            return result.Ok ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command CreateList(CliConsole console)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many entries, newest first (default 50)", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r =>
        {
            if (r.GetValue(limit) < 1)
            {
                r.AddError("--limit must be 1 or more");
            }
        });
        var command = new Command("list", "List the newest audit entries: who did what, when (entries hold no confidential values)") { db, json, limit };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var entries = await AuditLog.ListAsync(database, parse.GetValue(limit), ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    entries = entries.Select(e => new { seq = e.Seq, at = e.At, actor = e.Actor, action = e.Action, target = e.Target, detail = e.Detail }),
                }, CommonOptions.JsonOutput));
                return ExitCodes.Ok;
            }

            if (entries.Count == 0)
            {
                await console.Error.WriteLineAsync($"the audit log of {database.Display} is empty");
            }

            foreach (var e in entries)
            {
                await console.Out.WriteLineAsync($"{e.Seq,8} {e.At:yyyy-MM-dd HH:mm:ss} {e.Actor} {e.Action}{(e.Target is { } t ? " " + t : "")}{(e.Detail is { } d ? $" ({d})" : "")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
