namespace Kuager.Core.Tests.Domain;

public class StatusTimelineTests
{
    private static readonly IReadOnlyDictionary<string, EventType> Vocabulary = EventVocabulary.Defaults.ToDictionary(t => t.Code);

    private static readonly Person Person = new()
    {
        ExternalId = "AT-0002",
        Names = [PersonName.Detect("Қайша Ақан", NameKind.Primary)],
        ReportedStatus = PersonStatus.Missing,
    };

    private static Event E(long id, string type, FuzzyDate? date) => new()
    {
        Id = id,
        Type = type,
        Date = date,
        Participants = [new Participant(ParticipantRole.Subject, PersonId: 1)],
    };

    private static IReadOnlyList<StatusChange> History(params Event[] events) => StatusTimeline.History(events, Vocabulary);

    [Fact]
    public void History_follows_the_dates_not_the_order_of_entry()
    {
        var history = History(
            E(1, "released", FuzzyDate.InMonth(2019, 3)),
            E(2, "detained", FuzzyDate.InSeason(2017, Season.Spring)),
            E(3, "taken-to-camp", FuzzyDate.OnDay(2017, 6, 2)));

        Assert.Equal([2L, 3L, 1L], history.Select(c => c.EventId));
        Assert.Equal([PersonStatus.Detained, PersonStatus.InCamp, PersonStatus.Released], history.Select(c => c.Status));
        Assert.Equal(PersonStatus.Released, StatusTimeline.Current(Person, history));
    }

    [Fact]
    public void An_earlier_event_entered_late_does_not_become_current()
    {
        // The release was recorded first; a relative later reported the detention that preceded it.
        var history = History(
            E(10, "released", FuzzyDate.OnDay(2019, 1, 15)),
            E(11, "detained", FuzzyDate.InYear(2018, "in 2018")));

        Assert.Equal(PersonStatus.Released, StatusTimeline.Current(Person, history));
        var first = history[0];
        Assert.Equal(new StatusChange(11, "detained", FuzzyDate.InYear(2018, "in 2018"), PersonStatus.Detained), first);
    }

    [Fact]
    public void A_year_sorts_before_a_day_in_that_year()
    {
        var history = History(
            E(1, "released", FuzzyDate.OnDay(2018, 9, 1)),
            E(2, "detained", FuzzyDate.InYear(2018)));

        Assert.Equal([PersonStatus.Detained, PersonStatus.Released], history.Select(c => c.Status));
    }

    [Fact]
    public void Undated_events_come_last()
    {
        var history = History(
            E(1, "contact-lost", null),
            E(2, "released", FuzzyDate.InYear(2019)),
            E(3, "detained", FuzzyDate.InYear(2017)));

        Assert.Equal([3L, 2L, 1L], history.Select(c => c.EventId));
        Assert.Null(history[^1].Date);
        Assert.Equal(PersonStatus.Missing, StatusTimeline.Current(Person, history));
    }

    [Fact]
    public void Events_on_the_same_date_keep_the_order_they_were_recorded_in()
    {
        var history = History(
            E(8, "released", FuzzyDate.OnDay(2018, 5, 1)),
            E(5, "detained", FuzzyDate.OnDay(2018, 5, 1)));

        Assert.Equal([5L, 8L], history.Select(c => c.EventId));
        Assert.Equal(PersonStatus.Released, StatusTimeline.Current(Person, history));
    }

    [Fact]
    public void Events_that_imply_no_status_and_unknown_types_are_skipped()
    {
        var history = History(
            E(1, "detained", FuzzyDate.InYear(2017)),
            E(2, "interrogated", FuzzyDate.InYear(2018)),
            E(3, "not-in-the-vocabulary", FuzzyDate.InYear(2019)),
            E(4, "passport-confiscated", null));

        var change = Assert.Single(history);
        Assert.Equal(1, change.EventId);
        Assert.Equal(PersonStatus.Detained, StatusTimeline.Current(Person, history));
    }

    [Fact]
    public void Without_status_events_the_reported_status_stands()
    {
        Assert.Equal(PersonStatus.Missing, StatusTimeline.Current(Person, History()));

        var history = History(E(1, "interrogated", FuzzyDate.InYear(2018)), E(2, "fined", null));
        Assert.Empty(history);
        Assert.Equal(PersonStatus.Missing, StatusTimeline.Current(Person, history));
        Assert.Equal(PersonStatus.Unknown, StatusTimeline.Current(Person with { ReportedStatus = PersonStatus.Unknown }, history));
    }

    [Fact]
    public void Events_take_precedence_over_the_reported_status()
    {
        var history = History(E(1, "died-in-custody", FuzzyDate.InMonth(2019, 1)));

        Assert.Equal(PersonStatus.Deceased, StatusTimeline.Current(Person, history));
    }

    [Fact]
    public void A_user_added_type_counts_with_the_status_it_implies()
    {
        var vocabulary = EventVocabulary.Defaults
            .Append(new EventType("disappeared-abroad", "Disappeared abroad", EventRegion.Elsewhere, PersonStatus.Missing))
            .ToDictionary(t => t.Code);

        var history = StatusTimeline.History(
            [E(1, "crossed-border", FuzzyDate.InYear(2019)), E(2, "disappeared-abroad", FuzzyDate.InYear(2020))],
            vocabulary);

        Assert.Equal([PersonStatus.Abroad, PersonStatus.Missing], history.Select(c => c.Status));
    }
}
