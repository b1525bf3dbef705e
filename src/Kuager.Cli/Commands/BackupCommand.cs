using System.CommandLine;
using System.Text.Json;
using Kuager.Storage;
using Spectre.Console;

namespace Kuager.Cli;

/// <summary>`kuager backup` writes a consistent snapshot of the database to one file; `kuager restore` loads one into an empty database.</summary>
public static class BackupCommand
{
    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (gzip'd JSON lines)", Required = true };
        var command = new Command("backup", "Back up the whole database, consistently, while the app runs; encrypted values stay encrypted") { db, output, json };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var target = parse.GetValue(output)!;

            // Written beside the target and moved into place, so a failed backup never leaves half a file.
            var temp = target.FullName + ".partial";
            BackupSummary summary;
            try
            {
                await using (var stream = File.Create(temp))
                {
                    summary = await WithProgress(console, "backing up", p => Backups.WriteAsync(database, stream, CommonOptions.Actor, p, ct));
                }

                File.Move(temp, target.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }

            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { file = target.FullName, schema = summary.Schema, keyId = summary.KeyId, tables = summary.Tables, rows = summary.Rows }, CommonOptions.JsonOutput));
            }

            await console.Error.WriteLineAsync(
                $"backed up {summary.Rows} rows of {summary.Tables} tables (schema {summary.Schema}) to {target.FullName}; restoring it needs the key {summary.KeyId}: keep a copy of the key file apart from the backup");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateRestore(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A backup file written by kuager backup" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("restore", "Restore a backup into a new or empty database (it needs the key of the instance that made the backup)") { file, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await console.Error.WriteLineAsync($"kuager: there is no backup file {source.FullName}");
                return ExitCodes.Failed;
            }

            var database = CommonOptions.Resolve(parse.GetValue(db));

            BackupSummary summary;
            await using (var stream = source.OpenRead())
            {
                summary = await WithProgress(console, "restoring", p => Backups.RestoreAsync(stream, database, CommonOptions.Actor, p, ct));
            }

            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { schema = summary.Schema, keyId = summary.KeyId, tables = summary.Tables, rows = summary.Rows }, CommonOptions.JsonOutput));
            }

            await console.Error.WriteLineAsync($"restored {summary.Rows} rows of {summary.Tables} tables into {database.Display}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A progress bar over all rows when a person watches a terminal; nothing otherwise.</summary>
    private static Task<BackupSummary> WithProgress(CliConsole console, string what, Func<IProgress<BackupProgress>?, Task<BackupSummary>> run) =>
        console.Interactive
            ? AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
            {
                var task = ctx.AddTask(what, maxValue: 1);
                return await run(new Progress<BackupProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = p.Table.Length > 0 ? $"{what}: {p.Table}" : what;
                }));
            })
            : run(null);
}
