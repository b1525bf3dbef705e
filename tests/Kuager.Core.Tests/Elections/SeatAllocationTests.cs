namespace Kuager.Core.Tests.Elections;

/// <summary>
/// Worked examples of party-list seat allocation, each computed by hand in the comments before the code checks it.
/// Notation: V = votes of the admitted parties, N = seats, quota = V / N; a party's whole seats are ⌊votes × N / V⌋ and
/// its remainder is votes × N mod V (the same order as the fractional parts, in whole numbers).
/// </summary>
public class SeatAllocationTests
{
    private static PartyVotes[] Parties(params (string Party, long Votes)[] rows) => rows.Select(r => new PartyVotes(r.Party, r.Votes)).ToArray();

    private static int[] Seats(SeatOutcome outcome) => outcome.Parties.Select(p => p.Seats).ToArray();

    [Fact]
    public void Hare_quota_with_largest_remainders_leaves_out_a_party_below_the_threshold()
    {
        // Valid votes 10,000; threshold 7 % = 700 votes. D (500 = 5 %) fails; A, B, C pass.
        // V = 9,500, N = 10, quota 950.
        //   A 5000 × 10 = 50000 → 5 seats, remainder 50000 − 5 × 9500 = 2500
        //   B 3000 × 10 = 30000 → 3 seats, remainder 1500
        //   C 1500 × 10 = 15000 → 1 seat,  remainder 5500
        // 9 seats given; the 10th goes to the largest remainder, C. Result 5, 3, 2, 0.
        var outcome = SeatAllocation.Allocate(Parties(("A", 5000), ("B", 3000), ("C", 1500), ("D", 500)), new SeatRules(10, 7));

        Assert.Equal([5, 3, 2, 0], Seats(outcome));
        Assert.Equal([50m, 30m, 15m, 5m], outcome.Parties.Select(p => p.Percent));
        Assert.Equal([true, true, true, false], outcome.Parties.Select(p => p.Passed));
        Assert.Equal(950m, outcome.Quota);
        Assert.Equal(["A", "B", "C", "D"], outcome.Parties.Select(p => p.Party));
    }

    [Fact]
    public void Equal_remainders_go_to_the_party_registered_first()
    {
        // V = 9,000, N = 6, threshold 5 % (all pass).
        //   A 4000 × 6 = 24000 → 2 seats, remainder 24000 − 18000 = 6000
        //   B 2500 × 6 = 15000 → 1 seat,  remainder 6000
        //   C 2500 × 6 = 15000 → 1 seat,  remainder 6000
        // 4 seats given, 2 left; the three remainders are equal, so the first two registered, A and B, get them: 3, 2, 1.
        var outcome = SeatAllocation.Allocate(Parties(("A", 4000), ("B", 2500), ("C", 2500)), new SeatRules(6, 5));
        Assert.Equal([3, 2, 1], Seats(outcome));

        // The same votes registered in another order: C first, then B, then A. C and B win the tie now: C 2, B 2, A 2.
        var reordered = SeatAllocation.Allocate(Parties(("C", 2500), ("B", 2500), ("A", 4000)), new SeatRules(6, 5));
        Assert.Equal([2, 2, 2], Seats(reordered));

        // Three parties of 100 votes for 2 seats: quota 150, no whole seats, equal remainders 200 each: the first two.
        var even = SeatAllocation.Allocate(Parties(("Z", 100), ("Y", 100), ("X", 100)), new SeatRules(2, 0));
        Assert.Equal([1, 1, 0], Seats(even));
    }

    [Fact]
    public void When_only_one_party_passes_the_runner_up_is_admitted_and_gets_two_seats()
    {
        // Valid 8,000; threshold 12 % = 960 votes: only A (75 %) passes. B (800, 10 %) has the next most votes: admitted.
        // V = 6,800, N = 10, quota 680.
        //   A 6000 × 10 = 60000 → 8 seats, remainder 60000 − 54400 = 5600
        //   B  800 × 10 =  8000 → 1 seat,  remainder 1200
        // 9 given, the 10th to A (5600): A 9, B 1. B is guaranteed 2, so A gives one up: A 8, B 2.
        var outcome = SeatAllocation.Allocate(Parties(("A", 6000), ("B", 800), ("C", 700), ("D", 500)), new SeatRules(10, 12));

        Assert.Equal([8, 2, 0, 0], Seats(outcome));
        Assert.Equal([false, true, false, false], outcome.Parties.Select(p => p.RunnerUp));
        Assert.Equal([true, false, false, false], outcome.Parties.Select(p => p.Passed));
        Assert.False(outcome.NoPartyPassed);
    }

    [Fact]
    public void A_tie_for_runner_up_goes_to_the_party_registered_first()
    {
        // Valid 10,000; threshold 7 %: only A passes; B and C have 500 each, B is registered first and is admitted.
        // V = 9,500, N = 5: A 45000 → 4 seats, remainder 7000; B 2500 → 0, remainder 2500. The 5th seat to A: A 5, B 0.
        // The guarantee lifts B to 2: A 3, B 2, C 0.
        var outcome = SeatAllocation.Allocate(Parties(("A", 9000), ("B", 500), ("C", 500)), new SeatRules(5, 7));

        Assert.Equal([3, 2, 0], Seats(outcome));
        Assert.True(outcome.Parties[1].RunnerUp);
    }

    [Fact]
    public void A_runner_up_that_earns_more_than_two_seats_keeps_them()
    {
        // Valid 9,000; threshold 50 %: A (55.56 %) passes, B (44.44 %) does not and is the runner-up.
        // V = 9,000, N = 10: A 50000 → 5, remainder 5000; B 40000 → 4, remainder 4000. The 10th seat to A: A 6, B 4.
        var outcome = SeatAllocation.Allocate(Parties(("A", 5000), ("B", 4000)), new SeatRules(10, 50));

        Assert.Equal([6, 4], Seats(outcome));
        Assert.Equal([55.56m, 44.44m], outcome.Parties.Select(p => p.Percent));
    }

    [Theory]
    // With fewer than 4 seats the guarantee is ⌊N / 2⌋, so the leader never ends below the runner-up.
    // A 9000, B 500 (C 500 below); V = 9,500.
    // N = 3: A 27000 → 2, remainder 8000; B 1500 → 0. Third seat to A: 3, 0; guarantee 1: A 2, B 1.
    [InlineData(3, 2, 1)]
    // N = 2: A 18000 → 1, remainder 8500; B 1000 → 0. Second seat to A: 2, 0; guarantee 1: A 1, B 1.
    [InlineData(2, 1, 1)]
    // N = 1: A 9000 → 0, remainder 9000; B 500 → 0, remainder 500. The seat to A; guarantee 0: A 1, B 0.
    [InlineData(1, 1, 0)]
    // N = 4: A 36000 → 3, remainder 7500; B 2000 → 0. Fourth seat to A: 4, 0; guarantee 2: A 2, B 2.
    [InlineData(4, 2, 2)]
    public void The_runner_up_guarantee_shrinks_with_very_few_seats(int seats, int leader, int runnerUp)
    {
        var outcome = SeatAllocation.Allocate(Parties(("A", 9000), ("B", 500), ("C", 500)), new SeatRules(seats, 7));

        Assert.Equal([leader, runnerUp, 0], Seats(outcome));
    }

    [Fact]
    public void The_threshold_can_be_a_share_of_all_participants()
    {
        // Valid votes 8,000 (A 4500, B 2500, C 1000); 10,000 took part (2,000 invalid ballots). Threshold 12 %.
        // Of valid votes: C has 12.5 % and passes. V = 8,000, N = 8, quota 1000:
        //   A 36000 → 4, remainder 4000; B 20000 → 2, remainder 4000; C 8000 → 1, remainder 0.
        //   The 8th seat: A and B tie at 4000, A is registered first: A 5, B 2, C 1.
        var valid = SeatAllocation.Allocate(Parties(("A", 4500), ("B", 2500), ("C", 1000)), new SeatRules(8, 12));
        Assert.Equal([5, 2, 1], Seats(valid));
        Assert.Equal([56.25m, 31.25m, 12.5m], valid.Parties.Select(p => p.Percent));

        // Of all participants: C has 10 % and fails; A 45 % and B 25 % pass. V = 7,000, N = 8, quota 875:
        //   A 36000 → 5, remainder 1000; B 20000 → 2, remainder 6000. The 8th seat to B: A 5, B 3, C 0.
        var all = SeatAllocation.Allocate(Parties(("A", 4500), ("B", 2500), ("C", 1000)), new SeatRules(8, 12, ThresholdDenominator.All, 10_000));
        Assert.Equal([5, 3, 0], Seats(all));
        Assert.Equal([45m, 25m, 10m], all.Parties.Select(p => p.Percent));
        Assert.Equal(875m, all.Quota);
    }

    [Theory]
    // 7 % of 10,000 is exactly 700: 700 passes, 699 does not (then A alone passes and B is the runner-up).
    [InlineData(700, 7, true)]
    [InlineData(699, 7, false)]
    // 5.5 % of 10,000 is 550 exactly; the comparison is on whole numbers, not on a rounded 5.5 %.
    [InlineData(550, 5.5, true)]
    [InlineData(549, 5.5, false)]
    // 699.5 would be 6.995 %, which rounds to 7.00 for display, yet 6995 of 100,000 stays below 7 %: tested below with 100,000.
    public void The_threshold_is_reached_at_exactly_the_percentage(long votes, double threshold, bool passes)
    {
        var outcome = SeatAllocation.Allocate(Parties(("A", 10_000 - votes), ("B", votes)), new SeatRules(10, (decimal)threshold));

        Assert.Equal(passes, outcome.Parties[1].Passed);
    }

    [Fact]
    public void A_percentage_that_rounds_up_to_the_threshold_does_not_pass()
    {
        // 6,995 of 100,000 is 6.995 %: shown as 7.00 (half away from zero), but below a 7 % threshold.
        var outcome = SeatAllocation.Allocate(Parties(("A", 93_005), ("B", 6_995)), new SeatRules(10, 7));

        Assert.Equal(7.00m, outcome.Parties[1].Percent);
        Assert.False(outcome.Parties[1].Passed);
        Assert.True(outcome.Parties[1].RunnerUp);
    }

    [Fact]
    public void Percentages_round_half_away_from_zero_to_two_decimals()
    {
        // 1 of 800 = 0.125 % → 0.13 (banker's rounding would give 0.12); 799 of 800 = 99.875 % → 99.88. 1 of 3 → 33.33, 2 of 3 → 66.67.
        var eighths = SeatAllocation.Allocate(Parties(("A", 1), ("B", 799)), new SeatRules(1, 0));
        Assert.Equal([0.13m, 99.88m], eighths.Parties.Select(p => p.Percent));
        var thirds = SeatAllocation.Allocate(Parties(("A", 1), ("B", 2)), new SeatRules(3, 0));
        Assert.Equal([33.33m, 66.67m], thirds.Parties.Select(p => p.Percent));
        Assert.Equal([1, 2], Seats(thirds));
    }

    [Fact]
    public void When_no_party_passes_nobody_gets_a_seat()
    {
        // Threshold 50 %: A has 40 %, B 35 %, C 25 %. No party passes, so the runner-up rule (which needs one) does not apply.
        var outcome = SeatAllocation.Allocate(Parties(("A", 400), ("B", 350), ("C", 250)), new SeatRules(10, 50));

        Assert.Equal([0, 0, 0], Seats(outcome));
        Assert.True(outcome.NoPartyPassed);
        Assert.Null(outcome.Quota);
        Assert.All(outcome.Parties, p => Assert.False(p.RunnerUp));
    }

    [Fact]
    public void Parties_without_votes_never_pass_nor_are_admitted_as_runner_up()
    {
        // No votes at all: every percentage is 0, nobody passes even at a 0 % threshold.
        var empty = SeatAllocation.Allocate(Parties(("A", 0), ("B", 0)), new SeatRules(5, 0));
        Assert.Equal([0, 0], Seats(empty));
        Assert.Equal([0m, 0m], empty.Parties.Select(p => p.Percent));
        Assert.True(empty.NoPartyPassed);

        // A alone has votes: it passes alone and there is no runner-up with a vote to admit; A takes all 5 seats.
        var alone = SeatAllocation.Allocate(Parties(("A", 10), ("B", 0)), new SeatRules(5, 5));
        Assert.Equal([5, 0], Seats(alone));
        Assert.False(alone.Parties[1].RunnerUp);
    }

    [Fact]
    public void Bad_rules_and_parties_are_named()
    {
        var errors = SeatAllocation.Check(Parties(("A", -1), ("A", 3), (" ", 1)), new SeatRules(0, 101, ThresholdDenominator.All, null));

        Assert.Contains(errors, e => e.Field == "seats");
        Assert.Contains(errors, e => e.Field == "threshold");
        Assert.Contains(errors, e => e.Field == "votes" && e.Message.Contains("negative"));
        Assert.Contains(errors, e => e.Field == "party" && e.Message.Contains("twice"));
        Assert.Contains(errors, e => e.Field == "party" && e.Message.Contains("no name"));
        Assert.Contains(errors, e => e.Field == "total" && e.Message.Contains("required"));

        var small = SeatAllocation.Check(Parties(("A", 600), ("B", 500)), new SeatRules(3, 5, ThresholdDenominator.All, 1000));
        Assert.Equal("total", Assert.Single(small).Field);
        Assert.Contains("1100", small[0].Message);
        Assert.Throws<ValidationException>(() => SeatAllocation.Allocate([], new SeatRules(3, 5)));
    }
}
