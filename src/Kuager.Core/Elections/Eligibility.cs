namespace Kuager.Core;

/// <summary>What is known about a candidate or a list member; null where the papers do not say.</summary>
public sealed record CandidateFacts(
    string Name,
    bool? Citizen = null,
    DateOnly? BirthDate = null,
    DateOnly? ResidentSince = null,
    bool? UnexpungedConviction = null,
    Gender? Gender = null,
    bool Disability = false)
{
    /// <summary>Full years of age on <paramref name="day"/>; born on 29 February, a year is complete on 28 February in other years (as civil codes count terms).</summary>
    public int? AgeOn(DateOnly day) => BirthDate is { } born ? Eligibility.FullYears(born, day) : null;
}

/// <summary>
/// An election's eligibility rules; each is optional. E.g. a parliamentary election: citizen, at least 25 on election
/// day, permanent residence for the last 10 years, no unexpunged conviction.
/// </summary>
public sealed record EligibilityRules(bool RequireCitizen = false, int? MinimumAge = null, int? ResidenceYears = null, bool RequireNoConviction = false);

/// <summary>The rule a candidate fails, and why in words with the numbers.</summary>
public sealed record IneligibilityReason(string Rule, string Message);

/// <summary>A candidate's verdict: eligible when no reason is given.</summary>
public sealed record EligibilityVerdict(string Name, IReadOnlyList<IneligibilityReason> Reasons)
{
    public bool Eligible => Reasons.Count == 0;
}

/// <summary>
/// Checks candidates against <see cref="EligibilityRules"/> on election day. A fact the papers do not give is a reason
/// too ("not shown"): a candidate is eligible only when every rule is shown to be met.
/// </summary>
public static class Eligibility
{
    public const string CitizenRule = "citizen";
    public const string AgeRule = "minimum_age";
    public const string ResidenceRule = "residence";
    public const string ConvictionRule = "conviction";

    public static IReadOnlyList<EligibilityVerdict> Check(IEnumerable<CandidateFacts> candidates, EligibilityRules rules, DateOnly electionDay) =>
        candidates.Select(c => Check(c, rules, electionDay)).ToList();

    public static EligibilityVerdict Check(CandidateFacts c, EligibilityRules rules, DateOnly electionDay)
    {
        var reasons = new List<IneligibilityReason>();
        var day = electionDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (rules.RequireCitizen && c.Citizen != true)
        {
            reasons.Add(new(CitizenRule, c.Citizen is null ? "citizenship is not shown" : "is not a citizen"));
        }

        if (rules.MinimumAge is { } minimum)
        {
            if (c.AgeOn(electionDay) is not { } age)
            {
                reasons.Add(new(AgeRule, $"the birth date is not shown; the minimum age is {minimum} on election day ({day})"));
            }
            else if (age < minimum)
            {
                reasons.Add(new(AgeRule, $"is {age} on election day ({day}); the minimum is {minimum}"));
            }
        }

        if (rules.ResidenceYears is { } years)
        {
            if (c.ResidentSince is not { } since)
            {
                reasons.Add(new(ResidenceRule, $"permanent residence is not shown; {years} years before election day are required"));
            }
            else if (FullYears(since, electionDay) < years)
            {
                var needed = electionDay.AddYears(-years).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                reasons.Add(new(ResidenceRule,
                    $"resident since {since:yyyy-MM-dd}, {Math.Max(0, FullYears(since, electionDay))} full years by election day; {years} are required (resident since {needed} or earlier)"));
            }
        }

        if (rules.RequireNoConviction && c.UnexpungedConviction != false)
        {
            reasons.Add(new(ConvictionRule, c.UnexpungedConviction is null ? "whether a conviction stands unexpunged is not shown" : "has a conviction not yet expunged"));
        }

        return new EligibilityVerdict(c.Name, reasons);
    }

    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public static int FullYears(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        // AddYears moves 29 February to 28 February in a common year: the anniversary falls on the month's last day.
        if (from.AddYears(years) > to)
        {
            years--;
        }

        return years;
    }
}
