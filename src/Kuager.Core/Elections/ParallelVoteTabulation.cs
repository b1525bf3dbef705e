namespace Kuager.Core;

/// <summary>One choice's estimated share of the valid votes, with its margins of error (all as fractions 0 to 1).</summary>
/// <param name="Share">The ratio estimate r = Σy / Σx over the sampled stations.</param>
/// <param name="StandardError">√Var(r).</param>
/// <param name="MarginOfError95">1.959964 × standard error: the half-width of the 95 % interval.</param>
/// <param name="MarginOfError99">2.575829 × standard error: the half-width of the 99 % interval.</param>
public sealed record ShareEstimate(string Choice, double Share, double StandardError, double MarginOfError95, double MarginOfError99)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public (double Low, double High) Interval95 => (Share - MarginOfError95, Share + MarginOfError95);

    [System.Text.Json.Serialization.JsonIgnore]
    public (double Low, double High) Interval99 => (Share - MarginOfError99, Share + MarginOfError99);
}

/// <summary>The estimate from one sample: the stations it rests on and each choice's share.</summary>
public sealed record PvtEstimate(int SampledStations, int? PopulationStations, long ValidVotes, IReadOnlyList<ShareEstimate> Shares);

/// <summary>
/// Parallel vote tabulation: each choice's national share estimated from a simple random sample of polling stations.
/// The stations are the sampling units, so the share is a ratio of two sample totals (Cochran, Sampling Techniques,
/// §6.3–6.4). For n sampled stations with valid votes xᵢ and votes for the choice yᵢ:
/// <code>
/// r      = Σyᵢ / Σxᵢ
/// s²     = Σ(yᵢ − r·xᵢ)² / (n − 1)
/// Var(r) = (1 − n/N) · s² / (n · x̄²),   x̄ = Σxᵢ / n,   N = stations in the country (1 − n/N = 1 when N is not given)
/// MoE    = z · √Var(r),   z = 1.959964 (95 %), 2.575829 (99 %)
/// </code>
/// </summary>
public static class ParallelVoteTabulation
{
    public const double Z95 = 1.959963984540054;
    public const double Z99 = 2.5758293035489004;

    /// <param name="sample">The sampled stations' protocols (valid votes and votes per choice are used).</param>
    /// <param name="populationStations">All stations the sample was drawn from, for the finite-population correction.</param>
    public static PvtEstimate Estimate(IReadOnlyList<Protocol> sample, int? populationStations = null)
    {
        var errors = new Rules();
        errors.When(sample.Count < 2, "sample", "has {0} station(s); a margin of error needs at least 2", sample.Count);
        errors.When(populationStations is { } total && total < sample.Count, "population", "{0} stations in all is fewer than the {1} sampled", populationStations, sample.Count);
        errors.When(sample.Any(p => p.Valid < 0 || p.Choices.Any(c => c.Votes < 0)), "sample", "a sampled protocol has a negative count");
        errors.When(sample.Sum(p => p.Valid) == 0, "sample", "the sampled stations have no valid votes");
        errors.ThrowIfAny();

        var n = sample.Count;
        var x = sample.Select(p => (double)p.Valid).ToArray();
        var sumX = x.Sum();
        var meanX = sumX / n;
        var correction = populationStations is { } stations ? 1.0 - (double)n / stations : 1.0;
        var choices = sample.SelectMany(p => p.Choices.Select(c => c.Choice)).Distinct().ToList();
        if (sample.Any(p => p.AgainstAll != 0))
        {
            choices.Add(AgainstAll);
        }

        var shares = choices.Select(choice =>
        {
            var y = sample.Select(p => (double)(choice == AgainstAll ? p.AgainstAll : p.VotesFor(choice))).ToArray();
            var r = y.Sum() / sumX;
            var s2 = y.Select((yi, i) => (yi - r * x[i]) * (yi - r * x[i])).Sum() / (n - 1);
            var se = Math.Sqrt(correction * s2 / (n * meanX * meanX));
            return new ShareEstimate(choice, r, se, Z95 * se, Z99 * se);
        }).ToList();
        return new PvtEstimate(n, populationStations, (long)sumX, shares);
    }

    /// <summary>The name under which "against all" is estimated like a choice.</summary>
    public const string AgainstAll = "against all";
}
