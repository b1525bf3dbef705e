namespace Kuager.Core;

public enum TestimonyRelation
{
    Self,
    Parent,
    Child,
    Sibling,
    Spouse,
    OtherRelative,
    Acquaintance,
    Other,
}

public enum TestimonyMedium
{
    Video,
    Audio,
    Written,
    Interview,
    Other,
}

/// <summary>What the person who testified agreed to. Withdrawn consent keeps the record but hides it from everyone but editors.</summary>
public enum Consent
{
    PublishWithName,
    PublishAnonymously,
    InternalUseOnly,
    Withdrawn,
}

/// <summary>A file kept by its content: the SHA-256 of its bytes names it, so the same video attached twice is stored once.</summary>
public sealed record StoredFile(string Sha256, long Size, string MediaType, string FileName)
{
    public IReadOnlyList<ValidationError> Validate(string field) => new Rules()
        .When(Sha256.Length != 64 || !Sha256.All(char.IsAsciiHexDigitLower), field, "sha256 must be 64 lower-case hex digits")
        .When(Size < 0, field, "size cannot be negative")
        .Required(field, MediaType)
        .Required(field, FileName)
        .Errors;
}

public sealed record Testimony : IRecord
{
    public long Id { get; init; }

    public int Version { get; init; }

    /// <summary>The person who testified, when they are in the registry.</summary>
    public long? TestifierPersonId { get; init; }

    /// <summary>The person the testimony is about.</summary>
    public long? SubjectPersonId { get; init; }

    public TestimonyRelation Relation { get; init; } = TestimonyRelation.Other;

    public FuzzyDate? RecordedOn { get; init; }

    public long? RecordedAtPlaceId { get; init; }

    public string? Language { get; init; }

    public TestimonyMedium Medium { get; init; } = TestimonyMedium.Written;

    public string? Summary { get; init; }

    public string? Transcript { get; init; }

    public IReadOnlyList<StoredFile> Files { get; init; } = [];

    public Consent Consent { get; init; } = Consent.InternalUseOnly;

    /// <summary>How to reach the witness: always confidential, encrypted at rest.</summary>
    public string? WitnessContact { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Confidential;

    /// <summary>Fields of this record marked confidential (JSON names): encrypted at rest and shown only to editors.</summary>
    public IReadOnlyList<string> ConfidentialFields { get; init; } = [];

    public IReadOnlyList<ValidationError> Validate()
    {
        if (Files is null || Files.Any(f => f?.Sha256 is null || f.MediaType is null || f.FileName is null))
        {
            return [new ValidationError("files", "cannot be null")];
        }

        var rules = new Rules()
            .When(TestifierPersonId is null && SubjectPersonId is null, "subjectPersonId", "a testimony is about someone: give the subject or the testifier")
            .Positive("testifierPersonId", TestifierPersonId)
            .Positive("subjectPersonId", SubjectPersonId)
            .Positive("recordedAtPlaceId", RecordedAtPlaceId)
            .When(Relation == TestimonyRelation.Self && TestifierPersonId is not null && SubjectPersonId is not null && TestifierPersonId != SubjectPersonId,
                "relation", "a first-person testimony has the same testifier and subject")
            .MaxLength("language", Language, 35)
            .MaxLength("summary", Summary, 20_000)
            .MaxLength("transcript", Transcript, 2_000_000)
            .MaxLength("witnessContact", WitnessContact, 1_000)
            .When(Consent == Consent.PublishWithName && Confidentiality == Confidentiality.Confidential, "consent",
                "consent to publish with name contradicts a confidential record");
        for (var i = 0; i < Files.Count; i++)
        {
            foreach (var e in Files[i].Validate($"files[{i}]"))
            {
                rules.Add(e.Field, e.Message);
            }
        }

        return rules.Confidential(RecordKind.Testimony, ConfidentialFields).Errors;
    }
}
