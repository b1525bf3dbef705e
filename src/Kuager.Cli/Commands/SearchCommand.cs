using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kuager.Core;
using Kuager.Storage.Search;
using Spectre.Console;

namespace Kuager.Cli;

/// <summary>`kuager search`: people by name in any script or spelling, best first.</summary>
public static class SearchCommand
{
    /// <summary>One result as printed with --json (the shape is a contract: checks outside the repository read it).</summary>
    public sealed record Hit(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("external_id")] string ExternalId,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("matched")] string Matched);

    public static Command Create(CliConsole console)
    {
        var query = new Argument<string?>("query") { Description = "The name, in any script or spelling (a four-digit year in it is read as a birth year)", Arity = ArgumentArity.ZeroOrOne };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many people to list (1-1000)", DefaultValueFactory = _ => 10 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
                r.AddError("--limit must be between 1 and 1000");
        });
        var batch = new Option<FileInfo?>("--batch") { Description = "Read one query per line from this file; print one result list per line" };
        var born = new Option<int?>("--born") { Description = "Birth year: among equal names, people born then (or a year either side) come first" };
        var place = new Option<string?>("--place") { Description = "A place name: among equal names, people whose hometown is in it come first" };
        var command = new Command("search", "Find people by name across scripts and spellings") { query, db, json, limit, batch, born, place };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(query);
            var file = parse.GetValue(batch);
            if (file is null == string.IsNullOrWhiteSpace(text))
            {
                await console.Error.WriteLineAsync(file is null
                    ? "kuager: give a name to search for, or --batch FILE with one name per line"
                    : "kuager: give either a name or --batch FILE, not both");
                return ExitCodes.Usage;
            }

            if (file is not null && !file.Exists)
            {
                await console.Error.WriteLineAsync($"kuager: --batch: there is no file {file.FullName}");
                return ExitCodes.Failed;
            }

            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var search = PersonSearch.For(database);
            var viewer = Viewer.Operator(CommonOptions.Actor);
            var max = parse.GetValue(limit);
            var year = parse.GetValue(born);
            var near = parse.GetValue(place);
            var asJson = parse.GetValue(json);

            if (file is null)
            {
                var hits = await search.SearchAsync(new PersonQuery(text!) { Limit = max, BirthYear = year, Place = near }, viewer, ct);
                await WriteAsync(console, hits, asJson);
                return ExitCodes.Ok;
            }

            var lines = await File.ReadAllLinesAsync(file.FullName, ct);
            async Task RunAsync(Action searched)
            {
                foreach (var line in lines)
                {
                    await WriteAsync(console, await SearchLineAsync(search, line, new PersonQuery(line) { Limit = max, BirthYear = year, Place = near }, viewer, ct), asJson: true);
                    searched();
                }
            }

            if (console.Interactive)
            {
                await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("searching", maxValue: lines.Length);
                    await RunAsync(() => task.Increment(1));
                });
            }
            else
            {
                await RunAsync(() => { });
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A blank line is a query with no results, so output lines stay in step with input lines.</summary>
    private static async Task<IReadOnlyList<PersonMatch>> SearchLineAsync(PersonSearch search, string line, PersonQuery query, Viewer viewer, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(line) ? [] : await search.SearchAsync(query, viewer, ct);

    private static async Task WriteAsync(CliConsole console, IReadOnlyList<PersonMatch> hits, bool asJson)
    {
        if (asJson)
        {
            var shaped = hits.Select(h => new Hit(h.Id, h.ExternalId, h.Name, Math.Round(h.Score, 4), h.Matched)).ToList();
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(shaped, CommonOptions.JsonOutput));
            return;
        }

        if (hits.Count == 0)
        {
            await console.Error.WriteLineAsync("no one found");
            return;
        }

        foreach (var h in hits)
        {
            var matched = h.Matched == h.Name ? string.Empty : $"  (matched {h.Matched})";
            await console.Out.WriteLineAsync($"{h.Score:0.00}  {h.ExternalId}  {h.Name}{matched}");
        }
    }
}
