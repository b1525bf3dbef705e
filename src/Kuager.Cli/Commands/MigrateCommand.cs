using System.CommandLine;
using System.Text.Json;
using Kuager.Storage;

namespace Kuager.Cli;

public static class MigrateCommand
{
    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("migrate", "Bring the database schema up to date (also done on every start)") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            var database = CommonOptions.Resolve(parse.GetValue(db));
            var applied = await Migrator.MigrateAsync(database, ct);
            var version = await Migrator.CurrentVersionAsync(database, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { version, applied = applied.Select(m => m.Name) }, CommonOptions.JsonOutput));
            }
            else
            {
                foreach (var m in applied)
                {
                    await console.Error.WriteLineAsync($"applied {m.Name}");
                }

                await console.Error.WriteLineAsync($"{database.Display}: schema version {version}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
