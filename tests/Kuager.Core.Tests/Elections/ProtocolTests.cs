namespace Kuager.Core.Tests.Elections;

public class ProtocolTests
{
    private static Protocol Station(long registered, long issued, long valid, long invalid, long a, long b, long against = 0) =>
        new(registered, issued, valid, invalid, [new ChoiceVotes("A", a), new ChoiceVotes("B", b)], against);

    [Fact]
    public void A_consistent_protocol_has_no_findings_and_its_turnout()
    {
        // 1000 registered, 620 took a ballot; 600 valid + 20 invalid = 620 counted; 350 + 230 + 20 against all = 600 valid.
        var p = Station(1000, 620, 600, 20, 350, 230, 20);

        Assert.Empty(ProtocolChecks.Check(p));
        Assert.Equal(0.62m, p.Turnout);
        Assert.Null(Station(0, 0, 0, 0, 0, 0).Turnout);
    }

    [Fact]
    public void More_ballots_issued_than_registered_voters_is_an_error_with_both_numbers()
    {
        var finding = Assert.Single(ProtocolChecks.Check(Station(500, 520, 510, 10, 300, 210)));

        Assert.Equal(ProtocolSeverity.Error, finding.Severity);
        Assert.Equal("ballots_issued", finding.Field);
        Assert.Equal("520 ballots issued is more than the 500 registered voters (by 20)", finding.Message);
    }

    [Fact]
    public void More_ballots_counted_than_issued_is_an_error_and_fewer_a_warning()
    {
        var over = Assert.Single(ProtocolChecks.Check(Station(1000, 600, 600, 5, 400, 200)));
        Assert.Equal(ProtocolSeverity.Error, over.Severity);
        Assert.Equal("valid (600) and invalid (5) ballots make 605, more than the 600 ballots issued (by 5)", over.Message);

        var under = Assert.Single(ProtocolChecks.Check(Station(1000, 600, 590, 5, 390, 200)));
        Assert.Equal(ProtocolSeverity.Warning, under.Severity);
        Assert.Equal("5 of the 600 ballots issued were not counted (valid 590 and invalid 5 make 595): taken away or lost", under.Message);
        Assert.True(ProtocolChecks.IsConsistent(Station(1000, 600, 590, 5, 390, 200)));
    }

    [Fact]
    public void Votes_per_choice_and_against_all_must_add_up_to_the_valid_ballots()
    {
        // 400 + 180 + 10 = 590, but 600 valid: 10 fewer.
        var fewer = Assert.Single(ProtocolChecks.Check(Station(1000, 620, 600, 20, 400, 180, 10)));
        Assert.Equal("valid", fewer.Field);
        Assert.Equal("the votes for each choice (580) and against all (10) make 590, fewer than the 600 valid ballots (by 10)", fewer.Message);

        // 400 + 210 = 610 against 600 valid: 10 more.
        var more = Assert.Single(ProtocolChecks.Check(Station(1000, 620, 600, 20, 400, 210)));
        Assert.Contains("make 610, more than the 600 valid ballots (by 10)", more.Message);
        Assert.False(ProtocolChecks.IsConsistent(Station(1000, 620, 600, 20, 400, 210)));
    }

    [Fact]
    public void Negative_counts_and_repeated_choices_are_named()
    {
        var findings = ProtocolChecks.Check(new Protocol(-1, 10, 10, 0, [new ChoiceVotes("A", 5), new ChoiceVotes("A", 5), new ChoiceVotes("B", -2)]));

        Assert.Contains(findings, f => f.Field == "registered_voters" && f.Message == "is -1; a count cannot be negative");
        Assert.Contains(findings, f => f.Field == "votes:A" && f.Message == "A appears twice on the protocol");
        Assert.Contains(findings, f => f.Field == "votes:B" && f.Message == "B has -2 votes; a count cannot be negative");
        Assert.All(findings, f => Assert.Equal(ProtocolSeverity.Error, f.Severity));
    }

    [Fact]
    public void Tabulation_sums_stations_into_districts_regions_and_the_total()
    {
        var stations = new[]
        {
            new StationProtocol("Almaty region", "Talgar", "101", Station(1000, 600, 590, 10, 400, 190)),
            new StationProtocol("Almaty region", "Talgar", "102", Station(800, 500, 500, 0, 200, 300)),
            new StationProtocol("Almaty region", "Esik", "201", Station(400, 300, 290, 10, 100, 180, 10)),
            new StationProtocol("Abai region", "Semey", "301", new Protocol(900, 450, 450, 0, [new ChoiceVotes("B", 250), new ChoiceVotes("C", 200)])),
        };

        var total = Tabulation.Tabulate(stations);

        Assert.Equal(4, total.Stations);
        Assert.Equal(["Almaty region", "Abai region"], total.Children.Select(c => c.Name));
        var talgar = total.Children[0].Children[0];
        Assert.Equal(("Talgar", "Almaty region / Talgar", 2), (talgar.Name, talgar.Path, talgar.Stations));
        Assert.Equal(new Protocol(1800, 1100, 1090, 10, [new ChoiceVotes("A", 600), new ChoiceVotes("B", 490)]), talgar.Totals, new ProtocolComparer());
        var almaty = total.Children[0].Totals;
        Assert.Equal((2200L, 1400L, 1380L, 20L, 10L), (almaty.RegisteredVoters, almaty.BallotsIssued, almaty.Valid, almaty.Invalid, almaty.AgainstAll));
        Assert.Equal([("A", 700L), ("B", 670L)], almaty.Choices.Select(c => (c.Choice, c.Votes)));
        // The total: 3100 registered, 1850 issued (turnout 1850 / 3100), choices in the order first seen: A, B, C.
        Assert.Equal([("A", 700L), ("B", 920L), ("C", 200L)], total.Totals.Choices.Select(c => (c.Choice, c.Votes)));
        Assert.Equal(1850m / 3100m, total.Totals.Turnout);
        Assert.Equal(10, total.Flatten().Count()); // the total, 2 regions, 3 districts, 4 stations
    }

    [Fact]
    public void A_station_counted_twice_is_refused()
    {
        var p = Station(100, 50, 50, 0, 25, 25);
        var e = Assert.Throws<ValidationException>(() => Tabulation.Tabulate([new StationProtocol("R", "D", "1", p), new StationProtocol("R", "D", "1", p)]));

        Assert.Contains("R / D / 1 has 2 protocols", e.Message);
    }

    [Fact]
    public void Comparison_with_official_results_lists_each_figure_that_differs()
    {
        var total = Tabulation.Tabulate(
        [
            new StationProtocol("R", "D", "1", Station(1000, 600, 590, 10, 400, 190)),
            new StationProtocol("R", "D", "2", Station(800, 500, 500, 0, 200, 300)),
        ]);
        var official = new Dictionary<string, Protocol>
        {
            // Station 1 as we have it; station 2 with 100 votes moved from B to A; a station we never saw.
            ["R / D / 1"] = Station(1000, 600, 590, 10, 400, 190),
            ["R / D / 2"] = Station(800, 500, 500, 0, 300, 200),
            ["R / D / 3"] = Station(700, 400, 400, 0, 400, 0),
        };

        var differences = Tabulation.Compare(total, official);

        Assert.Equal(
        [
            ("R / D / 2", "votes:A", 200L, 300L), ("R / D / 2", "votes:B", 300L, 200L),
            ("R / D / 3", "registered_voters", 0L, 700L), ("R / D / 3", "ballots_issued", 0L, 400L), ("R / D / 3", "valid", 0L, 400L), ("R / D / 3", "votes:A", 0L, 400L),
        ], differences.Select(d => (d.Path, d.Field, d.Ours, d.Official)));
        Assert.Equal(-100, differences[0].Difference);
    }

    /// <summary>Protocols are equal when every figure and every choice line (in order) is.</summary>
    private sealed class ProtocolComparer : IEqualityComparer<Protocol>
    {
        public bool Equals(Protocol? x, Protocol? y) => x is not null && y is not null &&
            (x.RegisteredVoters, x.BallotsIssued, x.Valid, x.Invalid, x.AgainstAll) == (y.RegisteredVoters, y.BallotsIssued, y.Valid, y.Invalid, y.AgainstAll) &&
            x.Choices.SequenceEqual(y.Choices);

        public int GetHashCode(Protocol obj) => obj.RegisteredVoters.GetHashCode();
    }
}
