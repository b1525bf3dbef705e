using System.CommandLine;
using System.Text.Json;
using Kuager.Storage;
using Spectre.Console;

namespace Kuager.Cli;

public static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .json file of people" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("import", "Import people from CSV or JSON; on any error nothing is written") { file, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var import = new PersonImport(database, new ImportOptions(CommonOptions.Actor));
            var path = parse.GetValue(file)!.FullName;
            var asJson = parse.GetValue(json);
            ImportResult result;
            if (console.Interactive && !asJson)
            {
                result = await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("importing", maxValue: 1);
                    task.IsIndeterminate = true;
                    return await import.ImportFileAsync(path, new Progress<ImportProgress>(p => task.Description = $"importing: {p.Rows:N0} rows"), ct);
                });
            }
            else
            {
                result = await import.ImportFileAsync(path, null, ct);
            }

            if (asJson)
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    imported = result.Imported,
                    updated = result.Updated,
                    errors = result.Errors.Select(e => new { row = e.Row, column = e.Column, message = e.Message }),
                }, CommonOptions.JsonOutput));
            }
            else if (result.Ok)
            {
                await console.Error.WriteLineAsync($"imported {result.Imported} new people, updated {result.Updated}");
            }

            if (!result.Ok)
            {
                foreach (var e in result.Errors)
                {
                    await console.Error.WriteLineAsync(e.ToString());
                }

                if (result.ErrorsNotShown > 0)
                {
                    await console.Error.WriteLineAsync($"... and {result.ErrorsNotShown} more errors");
                }

                await console.Error.WriteLineAsync($"{result.Errors.Count + result.ErrorsNotShown} error(s): nothing was imported");
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
