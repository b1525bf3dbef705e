namespace Kuager.Core.Tests.Elections;

public class ObservationTests
{
    private static Observation Count(string region, string station, Assessment assessment) =>
        new(region, station, ObservationStage.Counting, assessment, new Dictionary<string, bool>());

    [Fact]
    public void Share_of_counts_assessed_negatively_by_region_carries_its_n()
    {
        // North: 4 counts observed, 1 bad and 1 very bad → 2 / 4 = 0.5. South: 3 counts, none negative → 0.
        // An opening form in North (very bad) is another stage and is not counted. All regions: 2 / 7.
        Observation[] observations =
        [
            Count("North", "1", Assessment.Good), Count("North", "2", Assessment.Bad), Count("North", "3", Assessment.VeryBad),
            Count("North", "4", Assessment.VeryGood), Count("South", "7", Assessment.Good), Count("South", "8", Assessment.Good),
            Count("South", "9", Assessment.VeryGood),
            new("North", "1", ObservationStage.Opening, Assessment.VeryBad, new Dictionary<string, bool>()),
        ];

        var shares = ObservationFigures.NegativeShare(observations, ObservationStage.Counting);

        Assert.Equal([("North", 2, 4, 0.5), ("South", 0, 3, 0.0), ("", 2, 7, 2.0 / 7)], shares.Select(s => (s.Region, s.Negative, s.Observations, s.Share!.Value)));
        Assert.Equal(("", 0, 0, (double?)null), ObservationFigures.NegativeShare([], ObservationStage.Tabulation).Select(s => (s.Region, s.Negative, s.Observations, s.Share)).Single());
    }

    [Fact]
    public void Coverage_counts_stations_and_regions_visited()
    {
        (string, string)[] stations = [("North", "1"), ("North", "2"), ("North", "3"), ("South", "7"), ("West", "9")];
        // Station 1 visited twice (opening and counting) counts once; South 7 visited; West not at all.
        Observation[] observations =
        [
            Count("North", "1", Assessment.Good),
            new("North", "1", ObservationStage.Opening, Assessment.Good, new Dictionary<string, bool>()),
            Count("South", "7", Assessment.Bad),
        ];

        var coverage = ObservationFigures.CoverageOf(observations, stations);

        Assert.Equal((2, 5, 2, 3), (coverage.StationsVisited, coverage.Stations, coverage.RegionsVisited, coverage.Regions));
        Assert.Equal([new RegionCoverage("North", 1, 3), new RegionCoverage("South", 1, 1), new RegionCoverage("West", 0, 1)], coverage.ByRegion);
    }

    [Fact]
    public void A_form_wants_every_question_answered_and_no_other()
    {
        var form = new ObservationForm("Counting", ObservationStage.Counting,
            [new("seals", "Were the ballot box seals intact?"), new("unused_cancelled", "Were unused ballots cancelled before the count?")]);

        Assert.Empty(form.CheckAnswers(new Dictionary<string, bool> { ["seals"] = true, ["unused_cancelled"] = false }));
        var errors = form.CheckAnswers(new Dictionary<string, bool> { ["seals"] = true, ["photo"] = true });
        Assert.Equal(["answers.unused_cancelled", "answers.photo"], errors.Select(e => e.Field));
        Assert.Equal("is not answered (Were unused ballots cancelled before the count?)", errors[0].Message);
    }

    [Fact]
    public void One_observer_per_candidate_per_station()
    {
        Accreditation[] existing = [new("Asel", "Erkindik Kanaty", "101", Represents: "Candidate K"), new("Bolat", "Observers' League", "101")];
        var limits = new ObserverLimits(PerRepresentedPerStation: 1, PerOrganisationPerStation: 2);

        var second = ObserverRules.Check(new("Dana", "Erkindik Kanaty", "101", Represents: "Candidate K"), existing, limits);
        Assert.Equal("station 101 already has 1 observer(s) for Candidate K; the limit is 1", Assert.Single(second).Message);

        // Another station, or another candidate, is fine; the same person twice at one station is not.
        Assert.Empty(ObserverRules.Check(new("Dana", "Erkindik Kanaty", "102", Represents: "Candidate K"), existing, limits));
        Assert.Empty(ObserverRules.Check(new("Dana", "Erkindik Kanaty", "101", Represents: "Candidate M"), existing, limits));
        Assert.Equal("observer", Assert.Single(ObserverRules.Check(new("Bolat", "Observers' League", "101"), existing, limits)).Field);

        // A third from one organisation breaks the organisation's limit of 2.
        var third = ObserverRules.Check(new("Erlan", "Erkindik Kanaty", "101"), [.. existing, new("Farida", "Erkindik Kanaty", "101")], limits);
        Assert.Equal("station 101 already has 2 observer(s) from Erkindik Kanaty; the limit is 2", Assert.Single(third).Message);
    }

    [Fact]
    public void An_election_checks_its_stages_and_rules()
    {
        var election = new Election
        {
            Name = "Mazhilis 2026", Kind = ElectionKind.PartyList, ElectionDay = new DateOnly(2026, 3, 15), Seats = 69, ThresholdPercent = 5,
            Stages = [new("Nomination and registration", new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 10)), new("Campaign", new DateOnly(2026, 2, 11), new DateOnly(2026, 3, 13))],
        };

        Assert.Empty(election.Validate());
        Assert.Equal("Campaign", election.StageOn(new DateOnly(2026, 3, 1))?.Name);
        Assert.Null(election.StageOn(new DateOnly(2026, 3, 14)));
        var bad = election with { Seats = null, Stages = [new("Voting", new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 14))] };
        Assert.Equal(["seats", "stages[0].end"], bad.Validate().Select(e => e.Field));
    }
}
