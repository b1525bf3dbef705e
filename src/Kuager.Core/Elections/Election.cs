namespace Kuager.Core;

public enum ElectionKind
{
    PartyList,
    Presidential,
    Referendum,
    Local,
    PartyPrimary,
}

/// <summary>What the ballot lists, and so what a protocol counts votes for.</summary>
public enum BallotChoice
{
    /// <summary>Parties (their lists): a party-list election, or a local one.</summary>
    Party,

    /// <summary>Candidates by name: a presidential election, a party primary.</summary>
    Candidate,

    /// <summary>The answers on a referendum's ballot ("Yes", "No"), kept in registration order like parties.</summary>
    Option,
}

/// <summary>A stage of an election with its dates (both days included): nomination and registration, campaign, voting, confirmation.</summary>
public sealed record ElectionStage(string Name, DateOnly Start, DateOnly End);

/// <summary>
/// An election or a party primary: what kind, when, its stages, and the rules it is run by (eligibility, list
/// quotas, the seat allocation of a party-list vote, and the limits on observers).
/// </summary>
public sealed record Election
{
    public long Id { get; init; }

    /// <summary>Counts the edits (1 when created): an update names the version it was based on, and a stale one is refused.</summary>
    public int Version { get; init; }

    public required string Name { get; init; }

    public ElectionKind Kind { get; init; } = ElectionKind.PartyList;

    public DateOnly ElectionDay { get; init; }

    public IReadOnlyList<ElectionStage> Stages { get; init; } = [];

    public EligibilityRules Eligibility { get; init; } = new();

    public IReadOnlyList<ListQuota> Quotas { get; init; } = [];

    /// <summary>Seats filled from party lists (party-list elections); null otherwise.</summary>
    public int? Seats { get; init; }

    public decimal ThresholdPercent { get; init; }

    public ThresholdDenominator ThresholdOf { get; init; } = ThresholdDenominator.All;

    public ObserverLimits ObserverLimits { get; init; } = new();

    public IReadOnlyList<ValidationError> Validate()
    {
        var rules = new Rules()
            .Required("name", Name)
            .MaxLength("name", Name, 300)
            .When(ElectionDay == default, "electionDay", "is required")
            .When(Seats is < 1, "seats", "must be at least 1")
            .When(Kind == ElectionKind.PartyList && Seats is null, "seats", "a party-list election fills a number of seats")
            .When(ThresholdPercent is < 0 or > 100, "thresholdPercent", "must be a percentage from 0 to 100")
            .When(Eligibility.MinimumAge is < 0 or > 150, "eligibility.minimumAge", "must be between 0 and 150")
            .When(Eligibility.ResidenceYears is < 0 or > 150, "eligibility.residenceYears", "must be between 0 and 150")
            .When(ObserverLimits.PerRepresentedPerStation is < 1, "observerLimits.perRepresentedPerStation", "must be at least 1 when set")
            .When(ObserverLimits.PerOrganisationPerStation is < 1, "observerLimits.perOrganisationPerStation", "must be at least 1 when set");
        for (var i = 0; i < Stages.Count; i++)
        {
            var s = Stages[i];
            rules.Required($"stages[{i}].name", s.Name)
                .MaxLength($"stages[{i}].name", s.Name, 300)
                .When(s.Start == default, $"stages[{i}].start", "is required: the day the stage begins")
                .When(s.End == default, $"stages[{i}].end", "is required: the day the stage ends")
                .When(s.Start != default && s.End != default && s.End < s.Start, $"stages[{i}].end", "{0} ends ({1:yyyy-MM-dd}) before it starts ({2:yyyy-MM-dd})", s.Name, s.End, s.Start);
            if (Stages.Take(i).Any(o => string.Equals(o.Name?.Trim(), s.Name?.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                rules.Add($"stages[{i}].name", "{0} is already a stage of this election", s.Name);
            }
        }

        for (var i = 0; i < Quotas.Count; i++)
        {
            var q = Quotas[i];
            rules.Required($"quotas[{i}].name", q.Name)
                .MaxLength($"quotas[{i}].name", q.Name, 300)
                .When(q.Groups.Count == 0, $"quotas[{i}].groups", "a quota counts at least one group")
                .When(q.MinimumPercent is <= 0 or > 100, $"quotas[{i}].minimumPercent", "must be a percentage above 0 and at most 100");
            for (var g = 0; g < q.Groups.Count; g++)
            {
                rules.When(q.Groups[g] is QuotaGroup.UnderAge { Age: < 1 or > 150 }, $"quotas[{i}].groups[{g}].age", "must be between 1 and 150")
                    .When(q.Groups.Take(g).Contains(q.Groups[g]), $"quotas[{i}].groups[{g}]", "{0} is counted twice in this quota", q.Groups[g]);
            }

            if (Quotas.Take(i).Any(o => string.Equals(o.Name?.Trim(), q.Name?.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                rules.Add($"quotas[{i}].name", "{0} is already a quota of this election", q.Name);
            }
        }

        return rules.Errors;
    }

    /// <summary>The same election with its stages in date order (by start, then end; equal dates keep their order).</summary>
    public Election WithStagesInOrder() => this with { Stages = Stages.OrderBy(s => s.Start).ThenBy(s => s.End).ToList() };

    /// <summary>
    /// What the ballot lists when it is not what the kind usually lists (a local election of candidates rather than
    /// party lists); null for the usual.
    /// </summary>
    public BallotChoice? BallotOf { get; init; }

    /// <summary>What the ballot lists: parties (party-list and local elections), candidates (presidential, primaries), or a referendum's options.</summary>
    public BallotChoice Ballot => BallotOf ?? Kind switch
    {
        ElectionKind.Referendum => BallotChoice.Option,
        ElectionKind.Presidential or ElectionKind.PartyPrimary => BallotChoice.Candidate,
        _ => BallotChoice.Party,
    };

    /// <summary>The stage under way on a day, if any.</summary>
    public ElectionStage? StageOn(DateOnly day) => Stages.FirstOrDefault(s => s.Start <= day && day <= s.End);
}

/// <summary>An edit of an election based on a version that is no longer current; nothing has been written.</summary>
public sealed class StaleElectionEditException(long id, int expectedVersion, int currentVersion)
    : RevisionConflictException(
        $"election {id} was changed by someone else (it is now at version {currentVersion}, your edit was based on version {expectedVersion}); reload it and apply your change again")
{
    public long Id { get; } = id;

    public int ExpectedVersion { get; } = expectedVersion;

    public int CurrentVersion { get; } = currentVersion;
}
