using Kuager.Names;

namespace Kuager.Core;

/// <summary>
/// What duplicate detection knows of a person: only values that are not confidential for that record (the
/// projections), so a score or a reason never reveals a confidential value.
/// </summary>
public sealed record DuplicateProfile
{
    public long Id { get; init; }

    public string ExternalId { get; init; } = "";

    /// <summary>The primary name as written.</summary>
    public string Name { get; init; } = "";

    /// <summary>Every name of the person, keyed by the name library.</summary>
    public IReadOnlyList<NameKey> Names { get; init; } = [];

    public int? BirthYear { get; init; }

    public Gender Gender { get; init; }

    public string? Ethnicity { get; init; }

    /// <summary>The hometown and the places it lies in, the country first and the hometown itself last; empty when unknown.</summary>
    public IReadOnlyList<long> HometownPath { get; init; } = [];

    /// <summary>The people recorded as related to this one (a person is never a duplicate of their own relative).</summary>
    public IReadOnlyList<long> RelativeIds { get; init; } = [];

    /// <summary>The names (every variant) of the people related to this one.</summary>
    public IReadOnlyList<NameKey> RelativeNames { get; init; } = [];

    /// <summary>
    /// Hashes of the phonetic keys of the relatives' name words, sorted (or empty): when both sides have them, relatives
    /// are compared name by name only if they share a word, which keeps a pair of large families cheap to compare.
    /// </summary>
    public IReadOnlyList<int> RelativeKeys { get; init; } = [];

    /// <summary>The sources cited for this person.</summary>
    public IReadOnlyList<long> SourceIds { get; init; } = [];

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Restricted;
}
