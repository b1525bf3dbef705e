namespace Kuager.Core;

/// <summary>What every stored record has: an identity, a version for optimistic concurrency, and who may see it.</summary>
public interface IRecord
{
    long Id { get; }

    /// <summary>Incremented by every saved change; an edit based on an older version is refused.</summary>
    int Version { get; }

    Confidentiality Confidentiality { get; }

    /// <summary>Fields marked confidential on this record; see <see cref="Core.ConfidentialFields"/>.</summary>
    IReadOnlyList<string> ConfidentialFields { get; }

    IReadOnlyList<ValidationError> Validate();
}

/// <summary>The kinds of record the registry keeps; the code names them in revisions, citations and URLs.</summary>
public enum RecordKind
{
    Person,
    Place,
    Organization,
    Relationship,
    Event,
    Case,
    Testimony,
    Source,
    Citation,
}
