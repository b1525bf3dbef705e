namespace Kuager.Core.Tests.Domain;

public class CaseTests
{
    private static readonly Case Asylum = new()
    {
        Title = "Asylum application of Q. A.",
        Kind = CaseKind.Asylum,
        Parties = [new CaseParty(CasePartyRole.Applicant, PersonId: 1), new CaseParty(CasePartyRole.Authority, OrganizationId: 3)],
        Deadlines =
        [
            new Deadline(new DateOnly(2024, 5, 10), DeadlineKind.StatusValidUntil),
            new Deadline(new DateOnly(2024, 3, 1), DeadlineKind.AppealDue),
        ],
        Hearings =
        [
            new Hearing(new DateOnly(2024, 4, 2)),
            new Hearing(new DateOnly(2024, 2, 1)),
        ],
    };

    [Fact]
    public void An_open_case_needs_no_outcome()
    {
        Errors.None(Asylum.Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_closed_case_needs_its_outcome(string? outcome)
    {
        var error = Errors.On((Asylum with { Status = CaseStatus.Closed, Outcome = outcome }).Validate(), "outcome");

        Assert.Contains("closed case", error.Message);
        Errors.None((Asylum with { Status = CaseStatus.Closed, Outcome = "Refugee status granted for one year" }).Validate());
    }

    [Theory]
    [InlineData("2024-01-01", "2024-02-01")] // a hearing before any deadline
    [InlineData("2024-02-02", "2024-03-01")] // the appeal deadline
    [InlineData("2024-03-01", "2024-03-01")] // due that very day counts
    [InlineData("2024-03-02", "2024-04-02")] // the next hearing before the later deadline
    [InlineData("2024-05-10", "2024-05-10")]
    public void NextDue_is_the_earliest_deadline_or_hearing_on_or_after_a_day(string from, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Asylum.NextDue(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NextDue_is_null_when_nothing_is_ahead()
    {
        Assert.Null(Asylum.NextDue(new DateOnly(2024, 5, 11)));
        Assert.Null(new Case { Title = "No dates yet" }.NextDue(new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void A_party_is_either_a_person_or_an_organisation()
    {
        var neither = Asylum with { Parties = [new CaseParty(CasePartyRole.Applicant, PersonId: 1), new CaseParty(CasePartyRole.Witness)] };
        var both = Asylum with { Parties = [new CaseParty(CasePartyRole.Defendant, PersonId: 1, OrganizationId: 2)] };

        Errors.OnlyOn(neither.Validate(), "parties[1]");
        Errors.OnlyOn(both.Validate(), "parties[0]");
    }

    [Fact]
    public void A_case_needs_a_title_and_existing_lawyer_and_court()
    {
        Errors.OnlyOn((Asylum with { Title = " " }).Validate(), "title");
        Errors.OnlyOn((Asylum with { LawyerPersonId = 0 }).Validate(), "lawyerPersonId");
        Errors.OnlyOn((Asylum with { CourtOrganizationId = -1 }).Validate(), "courtOrganizationId");
        Errors.None((Asylum with { LawyerPersonId = 7, CourtOrganizationId = 9 }).Validate());
    }
}
