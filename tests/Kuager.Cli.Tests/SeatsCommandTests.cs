using System.Text.Json;
using static Kuager.Cli.Tests.CliRun;

namespace Kuager.Cli.Tests;

/// <summary>
/// `kuager seats FILE.csv --seats N --threshold PCT [--denominator valid|all] [--total VOTES] --json`, a contract read by
/// checks outside the repository: one line, an array of {party, votes, percent, seats} in input order, nothing else.
/// The arithmetic of each example is worked out in Kuager.Core.Tests' SeatAllocationTests.
/// </summary>
public sealed class SeatsCommandTests : IDisposable
{
    private static readonly string[] RowKeys = ["party", "votes", "percent", "seats"];
    private readonly string _dir = Directory.CreateTempSubdirectory("kuager-seats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string text, string name = "votes.csv")
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static List<JsonElement> Rows(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n');
        Assert.True(lines is [_, ""], run.ToString());
        using var document = JsonDocument.Parse(lines[0]);
        var rows = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        Assert.All(rows, r => Assert.Equal(RowKeys, Keys(r)));
        return rows;
    }

    private static (string, long, double, int)[] Values(List<JsonElement> rows) => rows.Select(r => (
        r.GetProperty("party").GetString()!, r.GetProperty("votes").GetInt64(), r.GetProperty("percent").GetDouble(), r.GetProperty("seats").GetInt32())).ToArray();

    [Fact]
    public async Task Json_lists_every_party_in_input_order_with_its_seats()
    {
        // Threshold 7 % of 10,000: D fails; Hare quota 950 among A, B, C gives 5, 3, 1 and the last seat to C's remainder.
        var path = File("party,votes\nA,5000\nB,3000\nC,1500\nD,500\n");

        var run = await InProcessAsync("seats", path, "--seats", "10", "--threshold", "7", "--json");

        Assert.Equal([("A", 5000L, 50.0, 5), ("B", 3000L, 30.0, 3), ("C", 1500L, 15.0, 2), ("D", 500L, 5.0, 0)], Values(Rows(run)));
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Names_in_any_script_and_quoted_commas_come_back_as_written()
    {
        // Equal remainders (6000 each for 6 seats of 9,000 votes) go to the first registered: 3, 2, 1.
        var path = File("\uFEFFParty,Votes\n\"Nur Otan, Almaty\",4000\nАуыл,2500\nRespublica,2500\n");

        var run = await InProcessAsync("seats", path, "--seats", "6", "--threshold", "5", "--json");

        Assert.Equal([("Nur Otan, Almaty", 4000L, 44.44, 3), ("Ауыл", 2500L, 27.78, 2), ("Respublica", 2500L, 27.78, 1)], Values(Rows(run)));
        Assert.Contains("\"Ауыл\"", run.Stdout);
    }

    [Fact]
    public async Task The_runner_up_rule_is_applied_and_told_on_standard_error()
    {
        var path = File("party,votes\nA,6000\nB,800\nC,700\nD,500\n");

        var run = await InProcessAsync("seats", path, "--seats", "10", "--threshold", "12", "--json");

        Assert.Equal([8, 2, 0, 0], Values(Rows(run)).Select(v => v.Item4));
        Assert.Contains("B was admitted as the runner-up", run.Stderr);
    }

    [Fact]
    public async Task Denominator_all_takes_the_threshold_of_every_participant()
    {
        var path = File("party,votes\nA,4500\nB,2500\nC,1000\n");

        var valid = await InProcessAsync("seats", path, "--seats", "8", "--threshold", "12", "--denominator", "valid", "--json");
        var all = await InProcessAsync("seats", path, "--seats", "8", "--threshold", "12", "--denominator", "all", "--total", "10000", "--json");

        Assert.Equal([("A", 4500L, 56.25, 5), ("B", 2500L, 31.25, 2), ("C", 1000L, 12.5, 1)], Values(Rows(valid)));
        Assert.Equal([("A", 4500L, 45.0, 5), ("B", 2500L, 25.0, 3), ("C", 1000L, 10.0, 0)], Values(Rows(all)));
    }

    [Fact]
    public async Task No_party_over_the_threshold_gives_no_seats()
    {
        var path = File("party,votes\nA,400\nB,350\nC,250\n");

        var run = await InProcessAsync("seats", path, "--seats", "10", "--threshold", "50", "--json");

        Assert.Equal([0, 0, 0], Values(Rows(run)).Select(v => v.Item4));
        Assert.Contains("no party reached the threshold", run.Stderr);
    }

    [Fact]
    public async Task Without_json_each_party_is_one_readable_line()
    {
        var path = File("party,votes\nA,6000\nB,800\nC,700\n");

        var run = await InProcessAsync("seats", path, "--seats", "10", "--threshold", "12");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("runner-up", lines[1]);
        Assert.Contains("below the threshold", lines[2]);
    }

    [Theory]
    [InlineData("party,votes\nA,10\nB,1x\n", "row 3, column votes: \"1x\" is not a whole number")]
    [InlineData("party,votes\nA,10\nB,-4\n", "row 3, column votes: -4 is negative")]
    [InlineData("party,votes\nA,10\nB,\n", "row 3, column votes: is empty")]
    [InlineData("party,votes\nA,10\nB,3\nA,5\n", "row 4, column party: \"A\" is already listed on row 2")]
    [InlineData("party,votes\n,10\n", "row 2, column party: is empty")]
    [InlineData("A,10\nB,20\n", "row 1: the first row must be the header party,votes")]
    [InlineData("party,count\nA,10\n", "row 1, column votes: the header has no \"votes\" column")]
    [InlineData("party,votes,region\nA,10,X\n", "row 1, column region: column 3 \"region\" is not known")]
    [InlineData("party,votes\nA,10,3\n", "row 2: has 3 fields but the header has 2")]
    [InlineData("party,votes\n", "row 2: no party is listed below the header")]
    [InlineData("", "row 1: the file is empty; the first row must be the header party,votes")]
    public async Task Bad_files_are_refused_with_the_row_and_column(string text, string message)
    {
        var path = File(text);

        var run = await InProcessAsync("seats", path, "--seats", "10", "--threshold", "5", "--json");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public async Task A_total_smaller_than_the_votes_is_refused()
    {
        var path = File("party,votes\nA,600\nB,500\n");

        var run = await InProcessAsync("seats", path, "--seats", "3", "--threshold", "5", "--denominator", "all", "--total", "1000", "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--total 1000 participants is fewer than the 1100 votes", run.Stderr);
    }

    [Theory]
    [InlineData("--total is required with --denominator all", "--seats", "3", "--threshold", "5", "--denominator", "all")]
    [InlineData("--seats must be", "--seats", "0", "--threshold", "5")]
    [InlineData("--threshold must be", "--seats", "3", "--threshold", "101")]
    [InlineData("'some'", "--seats", "3", "--threshold", "5", "--denominator", "some")]
    [InlineData("'--seats' is required", "--threshold", "5")]
    public async Task Wrong_options_are_usage_errors(string expected, params string[] options)
    {
        var path = File("party,votes\nA,600\nB,500\n");

        var run = await InProcessAsync(["seats", path, .. options, "--json"]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains(expected, run.Stderr);
    }
}
