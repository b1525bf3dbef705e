using System.CommandLine;
using System.Text.Json;
using Kuager.Storage;

namespace Kuager.Cli;

public static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("stats", "Count the records in the registry") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            var c = await Stats.CountAsync(await CommonOptions.OpenAsync(parse.GetValue(db), ct), ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    persons = c.Persons, events = c.Events, cases = c.Cases, testimonies = c.Testimonies, sources = c.Sources, places = c.Places,
                }, CommonOptions.JsonOutput));
            }
            else
            {
                await console.Out.WriteLineAsync(
                    $"persons {c.Persons}\nevents {c.Events}\ncases {c.Cases}\ntestimonies {c.Testimonies}\nsources {c.Sources}\nplaces {c.Places}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
