using System.CommandLine;
using Kuager.Storage;
using Kuager.Web;
using Microsoft.Extensions.Hosting;

namespace Kuager.Cli;

public static class ServeCommand
{
    /// <summary>The demo runs on its own file so that fictional records never end up in a real registry.</summary>
    public const string DemoPath = "./data/demo.db";

    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = $"Fill an empty database with fictional demo records (default database {DemoPath})" };
        var command = new Command("serve", "Start the web application") { db, urls, demo };
        command.SetAction(async (parse, ct) =>
        {
            var withDemo = parse.GetValue(demo);
            var database = await CommonOptions.OpenAsync(parse.GetValue(db) ?? (withDemo ? DemoPath : null), ct);
            if (withDemo && await DemoData.SeedIfEmptyAsync(database, ct))
            {
                await console.Error.WriteLineAsync("added fictional demo records (they describe no real person)");
            }

            // The web host uses the database as opened here, key loaded and checked, and is told where the key file is.
            string[] args = database.KeyFile is { } keyFile
                ? ["--urls", parse.GetValue(urls)!, $"--{KuagerWeb.KeyFileKey}={keyFile}"]
                : ["--urls", parse.GetValue(urls)!];
            var app = KuagerWeb.Build(args, database);
            await console.Error.WriteLineAsync($"Kuager on {parse.GetValue(urls)} with {database.Display}");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
