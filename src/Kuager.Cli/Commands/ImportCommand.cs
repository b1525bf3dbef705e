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

            // Likely duplicates among the new people and of people already there: reported, never merged.
            var duplicates = result.Ok && result.CreatedIds.Count > 0
                ? await DuplicateService.For(database).InvolvingAsync(result.CreatedIds, null, ct)
                : [];
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

            // On standard error in both modes: the JSON on standard output keeps its agreed keys; `kuager duplicates --json` lists pairs as JSON.
            if (duplicates.Count > 0)
            {
                await console.Error.WriteLineAsync(
                    $"{duplicates.Count} likely duplicate pair(s) involving new people (nothing was merged; review them with `kuager duplicates` or in the web app):");
                foreach (var p in duplicates)
                {
                    await console.Error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"  {p.Score.Score:0.00}  {p.A.ExternalId} {p.A.Name}  =  {p.B.ExternalId} {p.B.Name}  ({string.Join(", ", p.Score.Reasons)})"));
                }
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
