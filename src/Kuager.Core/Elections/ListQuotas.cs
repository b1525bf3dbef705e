namespace Kuager.Core;

/// <summary>A group a quota counts: women, people under an age on election day, people with disabilities.</summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "group")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(Women), "women")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(UnderAge), "under_age")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(WithDisability), "disability")]
public abstract record QuotaGroup
{
    public sealed record Women : QuotaGroup
    {
        public override string ToString() => "women";
    }

    /// <summary>Not yet <see cref="Age"/> on election day ("under 29": 28 or younger).</summary>
    public sealed record UnderAge(int Age) : QuotaGroup
    {
        public override string ToString() => $"under {Age}";
    }

    public sealed record WithDisability : QuotaGroup
    {
        public override string ToString() => "people with disabilities";
    }

    /// <summary>Whether the member belongs; null when the needed fact (gender, birth date) is not known.</summary>
    public bool? Includes(CandidateFacts member, DateOnly electionDay) => this switch
    {
        Women => member.Gender is null or Gender.Unknown ? null : member.Gender == Gender.Female,
        UnderAge u => member.AgeOn(electionDay) is { } age ? age < u.Age : null,
        WithDisability => member.Disability,
        _ => throw new InvalidOperationException($"unknown quota group {GetType().Name}"),
    };
}

/// <summary>
/// A quota: at least <see cref="MinimumPercent"/> of a list must belong to any of <see cref="Groups"/> (a member in two
/// groups counts once). E.g. the law's "30 % women and people under 29 combined", or a party's own "30 % women" and
/// "20 % under 35" as two quotas.
/// </summary>
public sealed record ListQuota(string Name, IReadOnlyList<QuotaGroup> Groups, decimal MinimumPercent);

/// <summary>How one list fares on one quota, with the numbers.</summary>
/// <param name="Counted">Members in any of the quota's groups.</param>
/// <param name="Required">The fewest members that meet the quota: ⌈minimum % × list size / 100⌉.</param>
/// <param name="Unknown">Members whose gender or birth date is needed but missing (not counted).</param>
public sealed record QuotaCheck(string List, string Quota, int Members, int Counted, int Required, int Unknown, decimal MinimumPercent)
{
    public bool Met => Counted >= Required;

    /// <summary>Counted as a percentage of the list, rounded half away from zero to 2 decimals.</summary>
    public decimal Percent => Members == 0 ? 0 : Math.Round(Counted * 100m / Members, 2, MidpointRounding.AwayFromZero);

    public string Describe() =>
        $"{List}: {Quota}: {Counted} of {Members} ({Percent:0.##} %); at least {Required} needed ({MinimumPercent:0.##} %)" +
        (Met ? "" : $": {Required - Counted} short") + (Unknown > 0 ? $"; {Unknown} member(s) could not be counted (gender or birth date missing)" : "");
}

/// <summary>Checks party lists against quotas.</summary>
public static class ListQuotas
{
    public static QuotaCheck Check(string list, IReadOnlyList<CandidateFacts> members, ListQuota quota, DateOnly electionDay)
    {
        var counted = 0;
        var unknown = 0;
        foreach (var m in members)
        {
            var answers = quota.Groups.Select(g => g.Includes(m, electionDay)).ToList();
            if (answers.Contains(true))
            {
                counted++;
            }
            else if (answers.Contains(null))
            {
                unknown++;
            }
        }

        // ⌈p × n / 100⌉ exactly, in decimals: 30 % of 10 is 3, of 11 is 3.3 → 4.
        var required = (int)Math.Ceiling(quota.MinimumPercent * members.Count / 100m);
        return new QuotaCheck(list, quota.Name, members.Count, counted, required, unknown, quota.MinimumPercent);
    }

    public static IReadOnlyList<QuotaCheck> Check(string list, IReadOnlyList<CandidateFacts> members, IEnumerable<ListQuota> quotas, DateOnly electionDay) =>
        quotas.Select(q => Check(list, members, q, electionDay)).ToList();
}
