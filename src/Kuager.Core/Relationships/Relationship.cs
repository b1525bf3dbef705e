namespace Kuager.Core;

public enum RelationshipType
{
    /// <summary>A is a parent of B. "Child" is the same relationship read the other way.</summary>
    Parent,
    Sibling,
    Spouse,
    OtherRelative,
    Acquaintance,
}

/// <summary>A tie between two people. Reports come from relatives, so the family graph is how people are told apart.</summary>
public sealed record Relationship : IRecord
{
    public long Id { get; init; }

    public int Version { get; init; }

    public long PersonAId { get; init; }

    public long PersonBId { get; init; }

    public RelationshipType Type { get; init; }

    public string? Notes { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Restricted;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSymmetric => Type is not RelationshipType.Parent;

    /// <summary>A child-of relationship, stored as the parent relationship it is.</summary>
    public static Relationship ChildOf(long child, long parent) => new() { PersonAId = parent, PersonBId = child, Type = RelationshipType.Parent };

    /// <summary>Symmetric relationships are stored with the lower id first, so "A sibling of B" and "B sibling of A" are one record.</summary>
    public Relationship Normalized() =>
        IsSymmetric && PersonAId > PersonBId ? this with { PersonAId = PersonBId, PersonBId = PersonAId } : this;

    /// <summary>How the relationship reads from one side: "parent", "child", "sibling", ...</summary>
    public string RoleOf(long personId) => personId != PersonAId && personId != PersonBId
        ? throw new ArgumentException($"person {personId} is not in this relationship", nameof(personId))
        : Type switch
    {
        RelationshipType.Parent => personId == PersonAId ? "parent" : "child",
        _ => WireCode.Of(Type),
    };

    public long Other(long personId) => personId == PersonAId ? PersonBId : PersonAId;

    public IReadOnlyList<ValidationError> Validate() => new Rules()
        .When(PersonAId <= 0, "personAId", "must refer to an existing person")
        .When(PersonBId <= 0, "personBId", "must refer to an existing person")
        .When(PersonAId == PersonBId && PersonAId > 0, "personBId", "a person cannot be related to themselves")
        .MaxLength("notes", Notes, 5_000)
        .Confidential(RecordKind.Relationship, ConfidentialFields)
        .Errors;
}
