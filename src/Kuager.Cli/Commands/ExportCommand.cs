using System.CommandLine;
using Kuager.Core;
using Kuager.Storage;
using Spectre.Console;

namespace Kuager.Cli;

public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var format = new Option<string>("--format") { Description = "csv or json", Required = true };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo>("--out") { Description = "The file to write", Required = true };
        var redactFor = new Option<string?>("--redact-for")
        {
            Description = "Export only what this role may see: leave out records above its clearance, blank confidential fields. Default: everything (the operator holds the key)",
        };
        redactFor.AcceptOnlyFromAmong("visitor", "researcher", "editor");
        var command = new Command("export", "Export people in the import format (export, import, export gives the same bytes)") { db, format, output, redactFor };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var target = parse.GetValue(output)!;
            var kind = parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv;

            // Written beside the target and moved into place, so a failed export never leaves half a file.
            var temp = target.FullName + ".partial";
            int count;
            await using (var stream = File.Create(temp))
            {
                var viewer = parse.GetValue(redactFor) switch
                {
                    "visitor" => new Viewer(CommonOptions.Actor, Role.Visitor),
                    "researcher" => new Viewer(CommonOptions.Actor, Role.Researcher),
                    "editor" => new Viewer(CommonOptions.Actor, Role.Editor),
                    _ => Viewer.Operator(CommonOptions.Actor),
                };
                var export = new PersonExport(database, viewer);
                count = console.Interactive
                    ? await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("exporting", maxValue: 1);
                        task.IsIndeterminate = true;
                        return await export.WriteAsync(stream, kind, new Progress<int>(n => task.Description = $"exporting: {n:N0} people"), ct);
                    })
                    : await export.WriteAsync(stream, kind, null, ct);
            }

            File.Move(temp, target.FullName, overwrite: true);
            await console.Error.WriteLineAsync($"exported {count} people to {target.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
