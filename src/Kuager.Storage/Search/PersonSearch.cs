using Kuager.Core;
using Kuager.Names;

namespace Kuager.Storage.Search;

/// <summary>What to look for: a name in any script or spelling, and optional facts that filter or break ties.</summary>
/// <param name="Text">The name as typed. A four-digit number in it (1975) is read as a birth year.</param>
public sealed record PersonQuery(string Text)
{
    public int Limit { get; init; } = 10;

    /// <summary>People whose best name scores below this are left out (0.4: at least one rare part, or most parts, alike).</summary>
    public double MinScore { get; init; } = 0.4;

    /// <summary>Breaks ties: people born this year (or a year either side) rank first among equal names.</summary>
    public int? BirthYear { get; init; }

    /// <summary>Breaks ties: people whose hometown is named so, or lies in a place named so ("Gulja", "Ili"), rank first among equal names.</summary>
    public string? Place { get; init; }

    /// <summary>Filter: the hometown is this place or lies within it.</summary>
    public long? PlaceId { get; init; }

    public PersonStatus? Status { get; init; }

    public string? Ethnicity { get; init; }

    /// <summary>Filter: the person has an event dated on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Filter: the person has an event dated on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Filter: the person is cited by at least one source of this evidence level or stronger.</summary>
    public EvidenceLevel? MinEvidence { get; init; }
}

/// <summary>One person found.</summary>
/// <param name="Name">The person's primary name.</param>
/// <param name="Score">0..1, how alike the best of the person's names is to the query.</param>
/// <param name="Matched">The stored name that matched best (it may be in another script than the query).</param>
public sealed record PersonMatch(
    long Id, string ExternalId, string Name, double Score, string Matched, Script MatchedScript, PersonStatus Status,
    Confidentiality Confidentiality);
