namespace Kuager.Core.Tests.Elections;

public class ListQuotaTests
{
    private static readonly DateOnly ElectionDay = new(2026, 3, 15);

    private static CandidateFacts Member(string name, Gender gender, int age, bool disability = false) =>
        new(name, Gender: gender, BirthDate: ElectionDay.AddYears(-age).AddDays(-1), Disability: disability);

    // The law's combined quota: women and people under 29 together at least 30 %.
    private static readonly ListQuota Combined = new("women and under 29", [new QuotaGroup.Women(), new QuotaGroup.UnderAge(29)], 30);

    // A party's own rule: 30 % women and, separately, 20 % under 35.
    private static readonly ListQuota[] PartyRule =
    [
        new("women", [new QuotaGroup.Women()], 30),
        new("under 35", [new QuotaGroup.UnderAge(35)], 20),
    ];

    // Ten members: women aged 40 and 28; a man aged 28; a man aged 33; six men over 40.
    private static readonly CandidateFacts[] List =
    [
        Member("1", Gender.Female, 40), Member("2", Gender.Female, 28), Member("3", Gender.Male, 28), Member("4", Gender.Male, 33),
        Member("5", Gender.Male, 45), Member("6", Gender.Male, 50), Member("7", Gender.Male, 41), Member("8", Gender.Male, 60),
        Member("9", Gender.Male, 55), Member("10", Gender.Male, 44),
    ];

    [Fact]
    public void A_member_in_two_groups_counts_once_in_a_combined_quota()
    {
        // Women: 1, 2; under 29: 2, 3. Combined: 1, 2, 3 = 3 of 10 = 30 %; ⌈30 % × 10⌉ = 3 required: met, exactly.
        var check = ListQuotas.Check("Party A", List, Combined, ElectionDay);

        Assert.Equal((10, 3, 3, 30m, true), (check.Members, check.Counted, check.Required, check.Percent, check.Met));
        Assert.Equal("Party A: women and under 29: 3 of 10 (30 %); at least 3 needed (30 %)", check.Describe());
    }

    [Fact]
    public void Separate_quotas_are_checked_each_with_their_numbers()
    {
        // Women: 2 of 10 = 20 %, 3 needed: 1 short. Under 35: members 2, 3, 4 = 3 of 10, 2 needed: met.
        var checks = ListQuotas.Check("Party B", List, PartyRule, ElectionDay);

        Assert.Equal([("women", 2, 3, false), ("under 35", 3, 2, true)], checks.Select(c => (c.Quota, c.Counted, c.Required, c.Met)));
        Assert.Equal("Party B: women: 2 of 10 (20 %); at least 3 needed (30 %): 1 short", checks[0].Describe());
    }

    [Fact]
    public void The_required_number_is_rounded_up()
    {
        // 11 members: 30 % of 11 is 3.3, so 4 are needed; the same 3 counted now fall 1 short (27.27 %).
        var check = ListQuotas.Check("Party C", [.. List, Member("11", Gender.Male, 70)], Combined, ElectionDay);

        Assert.Equal((11, 3, 4, 27.27m, false), (check.Members, check.Counted, check.Required, check.Percent, check.Met));
    }

    [Fact]
    public void Under_an_age_means_not_yet_that_age_on_election_day()
    {
        var turns29Today = new CandidateFacts("x", Gender: Gender.Male, BirthDate: ElectionDay.AddYears(-29));
        var turns29Tomorrow = new CandidateFacts("y", Gender: Gender.Male, BirthDate: ElectionDay.AddYears(-29).AddDays(1));

        Assert.False(new QuotaGroup.UnderAge(29).Includes(turns29Today, ElectionDay));
        Assert.True(new QuotaGroup.UnderAge(29).Includes(turns29Tomorrow, ElectionDay));
    }

    [Fact]
    public void Members_with_missing_facts_are_reported_not_counted()
    {
        // Gender unknown and no birth date: neither women nor under 29 can be shown. Disability is a group of its own.
        CandidateFacts[] members = [new("a"), Member("b", Gender.Male, 50, disability: true), Member("c", Gender.Female, 50)];
        var quota = new ListQuota("women, under 29, disabilities", [new QuotaGroup.Women(), new QuotaGroup.UnderAge(29), new QuotaGroup.WithDisability()], 50);

        var check = ListQuotas.Check("Party D", members, quota, ElectionDay);

        Assert.Equal((3, 2, 2, 1, true), (check.Members, check.Counted, check.Required, check.Unknown, check.Met));
        Assert.Contains("1 member(s) could not be counted", check.Describe());
    }
}
