namespace Kuager.Core;

/// <summary>How well a fact is established (domain.md, "Evidence").</summary>
public enum EvidenceLevel
{
    Unverified = 0,
    SecondHand = 1,
    RelativeTestimony = 2,
    FirstPersonTestimony = 3,
    Documented = 4,
}

/// <summary>Links a person, event, case or relationship to a source that says so, with the strength of that evidence.</summary>
public sealed record Citation : IRecord
{
    public static readonly RecordKind[] CitableKinds = [RecordKind.Person, RecordKind.Event, RecordKind.Case, RecordKind.Relationship];

    public long Id { get; init; }

    public int Version { get; init; }

    public long SourceId { get; init; }

    public RecordKind TargetKind { get; init; }

    public long TargetId { get; init; }

    public EvidenceLevel Level { get; init; }

    /// <summary>The words of the source that support the fact.</summary>
    public string? Quote { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Restricted;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    public IReadOnlyList<ValidationError> Validate() => new Rules()
        .When(SourceId <= 0, "sourceId", "must refer to an existing source")
        .When(!CitableKinds.Contains(TargetKind), "targetKind",
            "a citation supports a person, event, case or relationship, not a {0}", Enum.IsDefined(TargetKind) ? WireCode.Of(TargetKind) : "kind of record it does not know")
        .When(TargetId <= 0, "targetId", "must refer to an existing record")
        .When(!Enum.IsDefined(Level), "level", "must be 0 to 4")
        .MaxLength("quote", Quote, 10_000)
        .Confidential(RecordKind.Citation, ConfidentialFields)
        .Errors;
}
