namespace Kuager.Core;

/// <summary>The part of election day a form observes.</summary>
public enum ObservationStage
{
    Opening,
    Voting,
    Counting,
    Tabulation,
}

/// <summary>The observer's overall assessment of what they saw, on the usual four-point scale.</summary>
public enum Assessment
{
    VeryGood,
    Good,
    Bad,
    VeryBad,
}

/// <summary>A checklist question: answered yes or no; <see cref="ProblemIfNo"/> says which answer is the problem.</summary>
public sealed record FormQuestion(string Code, string Text, bool ProblemIfNo = true);

/// <summary>A configurable checklist for one stage.</summary>
public sealed record ObservationForm(string Name, ObservationStage Stage, IReadOnlyList<FormQuestion> Questions)
{
    /// <summary>Every question answered, and no answer to a question the form does not ask.</summary>
    public IReadOnlyList<ValidationError> CheckAnswers(IReadOnlyDictionary<string, bool> answers)
    {
        var rules = new Rules();
        foreach (var q in Questions.Where(q => !answers.ContainsKey(q.Code)))
        {
            rules.Add($"answers.{q.Code}", "is not answered ({0})", q.Text);
        }

        foreach (var code in answers.Keys.Where(c => Questions.All(q => q.Code != c)))
        {
            rules.Add($"answers.{code}", "the form {0} has no question {1}", Name, code);
        }

        return rules.Errors;
    }
}

/// <summary>One filled form: where, which stage, the overall assessment and the answers by question code.</summary>
public sealed record Observation(string Region, string Station, ObservationStage Stage, Assessment Assessment, IReadOnlyDictionary<string, bool> Answers)
{
    public bool Negative => Assessment is Assessment.Bad or Assessment.VeryBad;
}

/// <summary>A share with the number of observations behind it, so a figure is never read without its n.</summary>
public sealed record ObservedShare(string Region, int Negative, int Observations)
{
    /// <summary>Negative ÷ observations (0 to 1); null without observations.</summary>
    public double? Share => Observations == 0 ? null : (double)Negative / Observations;
}

/// <summary>One region's stations visited out of those known.</summary>
public sealed record RegionCoverage(string Region, int Visited, int Stations);

/// <summary>Stations and regions visited out of those known.</summary>
public sealed record Coverage(int StationsVisited, int Stations, int RegionsVisited, int Regions, IReadOnlyList<RegionCoverage> ByRegion);

/// <summary>The figures observers' forms add up to.</summary>
public static class ObservationFigures
{
    /// <summary>
    /// Per region (in the order first seen) the share of observations of <paramref name="stage"/> assessed bad or very bad,
    /// e.g. "the share of observed counts assessed negatively", each with its n; the last row, region "", is all regions.
    /// </summary>
    public static IReadOnlyList<ObservedShare> NegativeShare(IEnumerable<Observation> observations, ObservationStage stage)
    {
        var ofStage = observations.Where(o => o.Stage == stage).ToList();
        var rows = ofStage.GroupBy(o => o.Region).Select(g => new ObservedShare(g.Key, g.Count(o => o.Negative), g.Count())).ToList();
        rows.Add(new ObservedShare("", ofStage.Count(o => o.Negative), ofStage.Count));
        return rows;
    }

    /// <summary>Coverage of the known stations (region, station) by observations of any stage.</summary>
    public static Coverage CoverageOf(IEnumerable<Observation> observations, IReadOnlyCollection<(string Region, string Station)> stations)
    {
        var visited = observations.Select(o => (o.Region, o.Station)).ToHashSet();
        var known = stations.ToHashSet();
        var byRegion = stations.GroupBy(s => s.Region)
            .Select(g => new RegionCoverage(g.Key, g.Count(visited.Contains), g.Count()))
            .ToList();
        return new Coverage(known.Count(visited.Contains), known.Count, byRegion.Count(r => r.Visited > 0), byRegion.Count, byRegion);
    }
}
