using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kuager.Core;
using Kuager.Storage;
using Spectre.Console;

namespace Kuager.Cli;

/// <summary>`kuager duplicates`: every pair of records that may be one person, best first. Never merges anything.</summary>
public static class DuplicatesCommand
{
    /// <summary>One side of a pair as printed with --json (the shape is a contract: checks outside the repository read it).</summary>
    public sealed record Side(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("external_id")] string ExternalId,
        [property: JsonPropertyName("name")] string Name);

    /// <summary>One pair as printed with --json.</summary>
    public sealed record Pair(
        [property: JsonPropertyName("a")] Side A,
        [property: JsonPropertyName("b")] Side B,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons)
    {
        public static Pair From(DuplicatePair p) => new(
            new Side(p.A.Id, p.A.ExternalId, p.A.Name), new Side(p.B.Id, p.B.ExternalId, p.B.Name), Math.Round(p.Score.Score, 4), p.Score.Reasons);
    }

    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var threshold = new Option<double?>("--threshold")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Propose pairs scoring at least this (0-1). Default {DuplicateScorer.DefaultThreshold}, the best F1 on the labelled synthetic set"),
        };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } t && (t is < 0 or > 1 || double.IsNaN(t)))
                r.AddError("--threshold must be between 0 and 1");
        });
        var command = new Command("duplicates", "List pairs of records that may be the same person, best first (pairs marked \"not the same person\" are left out); nothing is merged")
        {
            db, json, threshold,
        };
        command.SetAction(async (parse, ct) =>
        {
            var database = await CommonOptions.OpenAsync(parse.GetValue(db), ct);
            var service = DuplicateService.For(database);
            var bar = parse.GetValue(threshold);
            IReadOnlyList<DuplicatePair> pairs;
            if (console.Interactive)
            {
                // Progress on standard error, so standard output stays the result alone.
                var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                pairs = await progressConsole.Progress().AutoClear(true).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("reading people", maxValue: 1);
                    return await service.FindAllAsync(bar, new Progress<DuplicateProgress>(p =>
                    {
                        task.Description = p.Stage switch
                        {
                            "reading" => "reading people",
                            "blocking" => "grouping by name",
                            _ => $"comparing {p.Total:N0} pairs",
                        };
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }), ct);
                });
            }
            else
            {
                pairs = await service.FindAllAsync(bar, null, ct);
            }

            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(pairs.Select(Pair.From).ToList(), CommonOptions.JsonOutput));
                return ExitCodes.Ok;
            }

            foreach (var p in pairs)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Score.Score:0.00}  {p.A.ExternalId} {p.A.Name}  =  {p.B.ExternalId} {p.B.Name}  ({string.Join(", ", p.Score.Reasons)})"));
            }

            await console.Error.WriteLineAsync(pairs.Count == 1 ? "1 pair may be one person" : $"{pairs.Count} pairs may be one person each");
            return ExitCodes.Ok;
        });
        return command;
    }
}
