using Kuager.Core;
using Kuager.Web.Features.Elections;

namespace Kuager.Web.Tests.Elections;

public sealed class QuotaRowTests
{
    [Fact]
    public void A_quota_with_two_age_groups_is_shown_with_the_older_one_and_saved_back_counts_the_same_people()
    {
        var stored = new ListQuota("young", [new QuotaGroup.Women(), new QuotaGroup.UnderAge(29), new QuotaGroup.UnderAge(35)], 30);

        var row = QuotaRow.Of(stored);
        var saved = row.ToQuota();

        Assert.Equal(35, row.UnderAge);
        var day = new DateOnly(2026, 3, 15);
        foreach (var (gender, born) in new[] { (Gender.Male, new DateOnly(1995, 1, 1)), (Gender.Male, new DateOnly(1980, 1, 1)), (Gender.Female, new DateOnly(1960, 1, 1)), (Gender.Male, new DateOnly(2000, 6, 1)) })
        {
            var member = new CandidateFacts("x", Citizen: true, BirthDate: born, Gender: gender);
            Assert.Equal(stored.Groups.Any(g => g.Includes(member, day) == true), saved.Groups.Any(g => g.Includes(member, day) == true));
        }
    }
}
