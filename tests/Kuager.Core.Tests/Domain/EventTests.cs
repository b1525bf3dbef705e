namespace Kuager.Core.Tests.Domain;

public class EventTests
{
    private static Event Detained(params Participant[] participants) => new()
    {
        Type = "detained",
        Date = FuzzyDate.InSeason(2017, Season.Spring, "in spring 2017"),
        PlaceId = 40,
        Participants = participants.Length == 0 ? [new Participant(ParticipantRole.Subject, PersonId: 1)] : participants,
    };

    [Fact]
    public void A_valid_event_has_no_errors()
    {
        var e = Detained(
            new Participant(ParticipantRole.Subject, PersonId: 1),
            new Participant(ParticipantRole.Authority, OrganizationId: 8),
            new Participant(ParticipantRole.Reporter, PersonId: 2));

        Errors.None(e.Validate());
    }

    [Fact]
    public void A_participant_naming_nobody_is_refused()
    {
        var e = Detained(new Participant(ParticipantRole.Subject, PersonId: 1), new Participant(ParticipantRole.Witness));

        Errors.OnlyOn(e.Validate(), "participants[1]");
    }

    [Fact]
    public void A_participant_naming_both_a_person_and_an_organisation_is_refused()
    {
        var e = Detained(new Participant(ParticipantRole.Authority, PersonId: 3, OrganizationId: 8));

        var error = Errors.On(e.Validate(), "participants[0]");
        Assert.Contains("either a person or an organisation", error.Message);
    }

    [Fact]
    public void Participant_ids_must_refer_to_existing_records()
    {
        Errors.OnlyOn(Detained(new Participant(ParticipantRole.Subject, PersonId: 0)).Validate(), "participants[0].personId");
        Errors.OnlyOn(Detained(new Participant(ParticipantRole.Authority, OrganizationId: -2)).Validate(), "participants[0].organizationId");
    }

    [Fact]
    public void The_same_participant_cannot_be_listed_twice()
    {
        var e = Detained(new Participant(ParticipantRole.Subject, PersonId: 1), new Participant(ParticipantRole.Subject, PersonId: 1));

        var error = Errors.On(e.Validate(), "participants");
        Assert.Contains("listed twice", error.Message);
    }

    [Fact]
    public void The_same_person_in_two_roles_is_not_a_duplicate()
    {
        // A reporter who was also detained in the same raid.
        var e = Detained(new Participant(ParticipantRole.Subject, PersonId: 1), new Participant(ParticipantRole.Reporter, PersonId: 1));

        Errors.None(e.Validate());
    }

    [Fact]
    public void An_amount_needs_a_currency()
    {
        var fined = new Event { Type = "fined", Amount = 138_900m };

        var error = Errors.On(fined.Validate(), "currency");
        Assert.Contains("KZT", error.Message);
        Errors.None((fined with { Currency = "KZT" }).Validate());
    }

    [Fact]
    public void An_amount_cannot_be_negative_and_a_currency_is_a_three_letter_code()
    {
        Errors.OnlyOn(new Event { Type = "fined", Amount = -1m, Currency = "KZT" }.Validate(), "amount");
        Errors.OnlyOn(new Event { Type = "fined", Amount = 10m, Currency = "TENGE" }.Validate(), "currency");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(15, true)]
    [InlineData(36_500, true)]
    [InlineData(-1, false)]
    [InlineData(36_501, false)]
    public void Term_days_are_between_0_and_36500(int days, bool valid)
    {
        var errors = new Event { Type = "administrative-arrest", TermDays = days }.Validate();

        if (valid)
        {
            Errors.None(errors);
        }
        else
        {
            Errors.OnlyOn(errors, "termDays");
        }
    }

    [Theory]
    [InlineData("Detained")]
    [InlineData("taken to camp")]
    [InlineData("taken_to_camp")]
    public void The_type_must_be_a_code(string type)
    {
        var error = Errors.On(new Event { Type = type }.Validate(), "type");

        Assert.Contains($"\"{type}\"", error.Message);
    }

    [Fact]
    public void The_type_is_required()
    {
        var errors = new Event { Type = "" }.Validate();

        var error = Assert.Single(errors);
        Assert.Equal("type", error.Field);
        Assert.Equal("is required", error.Message);
    }

    [Fact]
    public void An_unknown_but_well_formed_type_is_accepted_because_users_extend_the_vocabulary()
    {
        Errors.None(new Event { Type = "disappeared-abroad" }.Validate());
    }

    [Fact]
    public void A_place_must_exist()
    {
        Errors.OnlyOn((Detained() with { PlaceId = 0 }).Validate(), "placeId");
    }

    [Fact]
    public void SubjectIds_are_the_people_in_the_subject_role()
    {
        var e = Detained(
            new Participant(ParticipantRole.Subject, PersonId: 4),
            new Participant(ParticipantRole.Witness, PersonId: 5),
            new Participant(ParticipantRole.Subject, OrganizationId: 6),
            new Participant(ParticipantRole.Authority, OrganizationId: 7),
            new Participant(ParticipantRole.Subject, PersonId: 2));

        Assert.Equal([4L, 2L], e.SubjectIds);
    }

    [Fact]
    public void An_event_without_subjects_has_no_subject_ids()
    {
        Assert.Empty(new Event { Type = "picket", Participants = [new Participant(ParticipantRole.Reporter, PersonId: 5)] }.SubjectIds);
    }
}
