namespace Kuager.Core;

public enum ElectionKind
{
    PartyList,
    Presidential,
    Referendum,
    Local,
    PartyPrimary,
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
                .When(s.End < s.Start, $"stages[{i}].end", "{0} ends ({1:yyyy-MM-dd}) before it starts ({2:yyyy-MM-dd})", s.Name, s.End, s.Start);
        }

        for (var i = 0; i < Quotas.Count; i++)
        {
            rules.Required($"quotas[{i}].name", Quotas[i].Name)
                .When(Quotas[i].Groups.Count == 0, $"quotas[{i}].groups", "a quota counts at least one group")
                .When(Quotas[i].MinimumPercent is <= 0 or > 100, $"quotas[{i}].minimumPercent", "must be a percentage above 0 and at most 100");
        }

        return rules.Errors;
    }

    /// <summary>The stage under way on a day, if any.</summary>
    public ElectionStage? StageOn(DateOnly day) => Stages.FirstOrDefault(s => s.Start <= day && day <= s.End);
}
