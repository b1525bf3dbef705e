namespace Kuager.Core.Tests.Elections;

/// <summary>What an edit of an election's stages and quotas must satisfy, each error naming its row.</summary>
public class ElectionEditRulesTests
{
    private static readonly Election Local = new() { Name = "Maslikhat 2026", Kind = ElectionKind.Local, ElectionDay = new DateOnly(2026, 3, 15) };

    [Fact]
    public void Stages_are_put_in_date_order_and_equal_starts_by_their_end()
    {
        var e = Local with
        {
            Stages = [new("Voting", new(2026, 3, 15), new(2026, 3, 15)), new("Campaign", new(2026, 2, 6), new(2026, 3, 13)), new("Early", new(2026, 2, 6), new(2026, 2, 7))],
        };

        Assert.Equal(["Early", "Campaign", "Voting"], e.WithStagesInOrder().Stages.Select(s => s.Name));
    }

    [Fact]
    public void A_stage_without_dates_or_named_twice_is_refused_by_its_row()
    {
        var e = Local with { Stages = [new("Campaign", new(2026, 2, 6), new(2026, 3, 13)), new("", default, new(2026, 3, 1)), new("CAMPAIGN ", new(2026, 3, 14), new(2026, 3, 14))] };

        Assert.Equal(
            [("stages[1].name", "is required"), ("stages[1].start", "is required: the day the stage begins"), ("stages[2].name", "CAMPAIGN  is already a stage of this election")],
            e.Validate().Select(x => (x.Field, x.Message)));
    }

    [Fact]
    public void A_quota_counting_a_group_twice_or_an_impossible_age_is_refused_by_its_group()
    {
        var e = Local with
        {
            Quotas = [new ListQuota("women", [new QuotaGroup.Women(), new QuotaGroup.Women()], 30), new ListQuota("young", [new QuotaGroup.UnderAge(200)], 20)],
        };

        Assert.Equal(
            [("quotas[0].groups[1]", "women is counted twice in this quota"), ("quotas[1].groups[0].age", "must be between 1 and 150")],
            e.Validate().Select(x => (x.Field, x.Message)));
    }

    [Theory]
    [InlineData(ElectionKind.PartyList, null, BallotChoice.Party)]
    [InlineData(ElectionKind.Presidential, null, BallotChoice.Candidate)]
    [InlineData(ElectionKind.Referendum, null, BallotChoice.Option)]
    [InlineData(ElectionKind.PartyPrimary, null, BallotChoice.Candidate)]
    [InlineData(ElectionKind.Local, null, BallotChoice.Party)]
    [InlineData(ElectionKind.Local, BallotChoice.Candidate, BallotChoice.Candidate)]
    public void Each_kind_of_election_counts_votes_for_parties_candidates_or_options_unless_told_otherwise(ElectionKind kind, BallotChoice? given, BallotChoice ballot)
    {
        Assert.Equal(ballot, (Local with { Kind = kind, BallotOf = given }).Ballot);
    }
}
