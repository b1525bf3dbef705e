namespace Kuager.Core.Tests.Elections;

public class EligibilityTests
{
    private static readonly DateOnly ElectionDay = new(2026, 3, 15);

    // The parliamentary rules: citizen, 25 on election day, 10 years' residence, no unexpunged conviction.
    private static readonly EligibilityRules Parliament = new(RequireCitizen: true, MinimumAge: 25, ResidenceYears: 10, RequireNoConviction: true);

    private static CandidateFacts Eligible(string name) =>
        new(name, Citizen: true, BirthDate: new DateOnly(1980, 1, 1), ResidentSince: new DateOnly(2000, 1, 1), UnexpungedConviction: false);

    [Fact]
    public void A_candidate_meeting_every_rule_is_eligible()
    {
        Assert.True(Eligibility.Check(Eligible("Aigerim"), Parliament, ElectionDay).Eligible);
    }

    [Theory]
    // Turns 25 on election day itself: eligible. One day later: 24.
    [InlineData("2001-03-15", null)]
    [InlineData("2001-03-16", "is 24 on election day (2026-03-15); the minimum is 25")]
    public void Age_is_counted_in_full_years_on_election_day(string born, string? reason)
    {
        var verdict = Eligibility.Check(Eligible("Dauren") with { BirthDate = DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture) }, Parliament, ElectionDay);

        Assert.Equal(reason, verdict.Reasons.SingleOrDefault()?.Message);
    }

    [Fact]
    public void Born_on_29_February_a_year_is_complete_on_28_February()
    {
        var born = new DateOnly(2000, 2, 29);
        Assert.Equal(25, Eligibility.FullYears(born, new DateOnly(2025, 2, 28)));
        Assert.Equal(24, Eligibility.FullYears(born, new DateOnly(2025, 2, 27)));
        Assert.Equal(24, Eligibility.FullYears(born, new DateOnly(2024, 2, 29)));
        Assert.Equal(23, Eligibility.FullYears(born, new DateOnly(2024, 2, 28)));
    }

    [Fact]
    public void Each_failing_rule_is_a_reason_with_the_numbers()
    {
        var verdict = Eligibility.Check(
            new CandidateFacts("Erlan", Citizen: false, BirthDate: new DateOnly(2003, 6, 1), ResidentSince: new DateOnly(2019, 9, 1), UnexpungedConviction: true),
            Parliament, ElectionDay);

        Assert.False(verdict.Eligible);
        Assert.Equal(
        [
            (Eligibility.CitizenRule, "is not a citizen"),
            (Eligibility.AgeRule, "is 22 on election day (2026-03-15); the minimum is 25"),
            (Eligibility.ResidenceRule, "resident since 2019-09-01, 6 full years by election day; 10 are required (resident since 2016-03-15 or earlier)"),
            (Eligibility.ConvictionRule, "has a conviction not yet expunged"),
        ], verdict.Reasons.Select(r => (r.Rule, r.Message)));
    }

    [Fact]
    public void A_fact_not_shown_is_a_reason_too()
    {
        var verdict = Eligibility.Check(new CandidateFacts("Saule"), Parliament, ElectionDay);

        Assert.Equal([Eligibility.CitizenRule, Eligibility.AgeRule, Eligibility.ResidenceRule, Eligibility.ConvictionRule], verdict.Reasons.Select(r => r.Rule));
        Assert.Contains("not shown", verdict.Reasons[0].Message);
        Assert.Contains("the birth date is not shown; the minimum age is 25", verdict.Reasons[1].Message);
    }

    [Fact]
    public void Rules_that_are_not_set_are_not_checked()
    {
        // A party primary asking only for 18 years of age.
        var primary = new EligibilityRules(MinimumAge: 18);
        var verdicts = Eligibility.Check([new CandidateFacts("A", BirthDate: new DateOnly(2008, 3, 15)), new CandidateFacts("B", BirthDate: new DateOnly(2008, 3, 16))], primary, ElectionDay);

        Assert.Equal([true, false], verdicts.Select(v => v.Eligible));
        Assert.Equal(Eligibility.AgeRule, Assert.Single(verdicts[1].Reasons).Rule);
    }

    [Fact]
    public void Exactly_ten_years_of_residence_is_enough()
    {
        Assert.True(Eligibility.Check(Eligible("Nurlan") with { ResidentSince = new DateOnly(2016, 3, 15) }, Parliament, ElectionDay).Eligible);
        Assert.False(Eligibility.Check(Eligible("Nurlan") with { ResidentSince = new DateOnly(2016, 3, 16) }, Parliament, ElectionDay).Eligible);
    }
}
