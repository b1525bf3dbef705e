namespace Kuager.Core;

public enum ParticipantRole
{
    Subject,
    Authority,
    Witness,
    Reporter,
}

/// <summary>Someone involved in an event: a person or an organisation, in a role.</summary>
public sealed record Participant(ParticipantRole Role, long? PersonId = null, long? OrganizationId = null);

public sealed record Event : IRecord
{
    public long Id { get; init; }

    public int Version { get; init; }

    /// <summary>A code from the instance's event vocabulary (<see cref="EventVocabulary"/> and user additions).</summary>
    public required string Type { get; init; }

    public FuzzyDate? Date { get; init; }

    public long? PlaceId { get; init; }

    public IReadOnlyList<Participant> Participants { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>Length of an administrative arrest or a sentence, in days.</summary>
    public int? TermDays { get; init; }

    /// <summary>Amount of a fine.</summary>
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Restricted;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<long> SubjectIds => Participants.Where(p => p.Role == ParticipantRole.Subject && p.PersonId is not null).Select(p => p.PersonId!.Value);

    public IReadOnlyList<ValidationError> Validate()
    {
        if (Participants is null || Participants.Any(p => p is null))
        {
            return [new ValidationError("participants", "cannot be null")];
        }

        var rules = new Rules()
            .Required("type", Type)
            .When(!string.IsNullOrEmpty(Type) && !EventType.IsValidCode(Type), "type", "\"{0}\" is not an event type code", Type)
            .Positive("placeId", PlaceId)
            .MaxLength("description", Description, 20_000)
            .When(TermDays is < 0 or > 36_500, "termDays", "must be between 0 and 36500 days")
            .When(Amount is < 0, "amount", "cannot be negative")
            .When(Amount is not null && string.IsNullOrWhiteSpace(Currency), "currency", "is required with an amount (e.g. KZT)")
            .MaxLength("currency", Currency, 3);
        for (var i = 0; i < Participants.Count; i++)
        {
            var p = Participants[i];
            rules.When((p.PersonId is null) == (p.OrganizationId is null), $"participants[{i}]", "names either a person or an organisation")
                .Positive($"participants[{i}].personId", p.PersonId)
                .Positive($"participants[{i}].organizationId", p.OrganizationId);
        }

        rules.When(Participants.Distinct().Count() != Participants.Count, "participants", "the same participant is listed twice");
        return rules.Confidential(RecordKind.Event, ConfidentialFields).Errors;
    }
}

/// <summary>One step in a person's status history: from this event on, the person was in this status.</summary>
public sealed record StatusChange(long EventId, string EventType, FuzzyDate? Date, PersonStatus Status);

/// <summary>A person's status history and current status, computed from the events they are the subject of.</summary>
public static class StatusTimeline
{
    public static IReadOnlyList<StatusChange> History(IEnumerable<Event> events, IReadOnlyDictionary<string, EventType> vocabulary)
    {
        // Undated events sort last: a report of "contact lost" with no date is still the latest thing known.
        return events
            .Select(e => (Event: e, Status: vocabulary.TryGetValue(e.Type, out var t) ? t.Implies : null))
            .Where(x => x.Status is not null)
            .OrderBy(x => x.Event.Date is null ? 1 : 0)
            .ThenBy(x => x.Event.Date)
            .ThenBy(x => x.Event.Id)
            .Select(x => new StatusChange(x.Event.Id, x.Event.Type, x.Event.Date, x.Status!.Value))
            .ToList();
    }

    public static PersonStatus Current(Person person, IReadOnlyList<StatusChange> history) =>
        history.Count > 0 ? history[^1].Status : person.ReportedStatus;
}
