using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kuager.Core;
using Kuager.Storage;

namespace Kuager.Cli;

/// <summary>
/// `kuager seats FILE.csv --seats N --threshold PCT [--denominator valid|all] [--total VOTES] --json`: the seats of a
/// party-list election (Hare quota, largest remainders, the runner-up rule; see <see cref="SeatAllocation"/>).
/// Reads no database. The command line and the JSON are a contract: checks outside the repository use them.
/// </summary>
public static class SeatsCommand
{
    /// <summary>One party as printed with --json, in input order.</summary>
    public sealed record Row(
        [property: JsonPropertyName("party")] string Party,
        [property: JsonPropertyName("votes")] long Votes,
        [property: JsonPropertyName("percent")] double Percent,
        [property: JsonPropertyName("seats")] int Seats);

    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with the columns party,votes, one party a row in registration order" };
        var seats = new Option<int>("--seats") { Description = "Seats to fill", Required = true };
        seats.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError("--seats must be a whole number of at least 1");
        });
        var threshold = new Option<decimal>("--threshold") { Description = "Percentage a party needs to pass (e.g. 5)", Required = true };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<decimal>() is < 0 or > 100)
                r.AddError("--threshold must be a percentage from 0 to 100");
        });
        var denominator = new Option<string>("--denominator")
        {
            Description = "What the threshold is a percentage of: valid (the votes in the file) or all (every participant, given by --total)",
            DefaultValueFactory = _ => "valid",
        };
        denominator.AcceptOnlyFromAmong("valid", "all");
        var total = new Option<long?>("--total") { Description = "All voters who took part (valid and invalid ballots); required with --denominator all" };
        total.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is < 0)
                r.AddError("--total cannot be negative");
        });
        var json = CommonOptions.Json();
        var command = new Command("seats", "Allocate the seats of a party-list election: threshold, Hare quota with largest remainders (ties to the party registered first), the runner-up rule")
        {
            file, seats, threshold, denominator, total, json,
        };
        command.Validators.Add(r =>
        {
            // Read from the tokens: GetValue would throw on a --denominator that its own validator refuses.
            if (r.GetResult(denominator)?.Tokens is [{ Value: "all" }] && r.GetResult(total) is null)
                r.AddError("--total is required with --denominator all: the number of all voters who took part");
        });
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync($"kuager: {parse.GetValue(file)!.Name}: no such file");
                return ExitCodes.Failed;
            }

            var (parties, fileErrors) = SeatFile.Read(path);
            if (fileErrors.Count > 0)
            {
                foreach (var e in fileErrors)
                {
                    await console.Error.WriteLineAsync($"{Path.GetFileName(path)}: {e}");
                }

                return ExitCodes.Failed;
            }

            var rules = new SeatRules(parse.GetValue(seats), parse.GetValue(threshold),
                parse.GetValue(denominator) == "all" ? ThresholdDenominator.All : ThresholdDenominator.Valid, parse.GetValue(total));
            var errors = SeatAllocation.Check(parties, rules);
            if (errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    await console.Error.WriteLineAsync(e.Field == "total" ? $"kuager: --total {e.Message}" : $"kuager: {e}");
                }

                return ExitCodes.Failed;
            }

            var outcome = SeatAllocation.Allocate(parties, rules);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(
                    outcome.Parties.Select(p => new Row(p.Party, p.Votes, (double)p.Percent, p.Seats)).ToList(), CommonOptions.JsonOutput));
            }
            else
            {
                foreach (var p in outcome.Parties)
                {
                    var note = p.RunnerUp ? "  (admitted as runner-up)" : p.Passed ? "" : "  (below the threshold)";
                    await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{p.Seats,4}  {p.Percent,6:0.00}%  {p.Votes,10}  {p.Party}{note}"));
                }
            }

            if (outcome.NoPartyPassed)
            {
                await console.Error.WriteLineAsync("no party reached the threshold: no seats were allocated");
            }
            else if (outcome.Parties.FirstOrDefault(p => p.RunnerUp) is { } runnerUp)
            {
                await console.Error.WriteLineAsync($"only one party reached the threshold: {runnerUp.Party} was admitted as the runner-up");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
