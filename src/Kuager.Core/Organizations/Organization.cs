namespace Kuager.Core;

public enum OrganizationKind
{
    RelativesGroup,
    Ngo,
    Party,
    Ministry,
    Court,
    Police,
    Media,
    Company,
    Other,
}

public sealed record Organization : IRecord
{
    public long Id { get; init; }

    public int Version { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> OtherNames { get; init; } = [];

    public OrganizationKind Kind { get; init; } = OrganizationKind.Other;

    public long? PlaceId { get; init; }

    public string? Notes { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Public;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    public IReadOnlyList<ValidationError> Validate() => new Rules()
        .Required("name", Name)
        .MaxLength("name", Name, 300)
        .Positive("placeId", PlaceId)
        .MaxLength("notes", Notes, 20_000)
        .Confidential(RecordKind.Organization, ConfidentialFields)
        .Errors;
}
