namespace Kuager.Core.Tests.Elections;

/// <summary>The ratio estimator and its margins of error, against the formula worked out by hand.</summary>
public class ParallelVoteTabulationTests
{
    // Four sampled stations: valid votes x = 100, 200, 150, 50 (Σx = 500, x̄ = 125); party A y = 60, 100, 90, 20 (Σy = 270).
    private static readonly Protocol[] Sample =
    [
        new(300, 100, 100, 0, [new ChoiceVotes("A", 60), new ChoiceVotes("B", 40)]),
        new(500, 200, 200, 0, [new ChoiceVotes("A", 100), new ChoiceVotes("B", 100)]),
        new(400, 150, 150, 0, [new ChoiceVotes("A", 90), new ChoiceVotes("B", 60)]),
        new(100, 50, 50, 0, [new ChoiceVotes("A", 20), new ChoiceVotes("B", 30)]),
    ];

    [Fact]
    public void Ratio_estimate_and_margins_of_error_match_the_hand_computation()
    {
        // r = 270 / 500 = 0.54.
        // Residuals yᵢ − r·xᵢ: 60 − 54 = 6; 100 − 108 = −8; 90 − 81 = 9; 20 − 27 = −7.
        // s² = (36 + 64 + 81 + 49) / (4 − 1) = 230 / 3 = 76.6667.
        // Var(r) = s² / (n · x̄²) = 76.6667 / (4 · 15625) = 0.00122667; SE = √0.00122667 = 0.0350238.
        // MoE 95 % = 1.959964 × 0.0350238 = 0.0686454; MoE 99 % = 2.575829 × 0.0350238 = 0.0902153.
        var estimate = ParallelVoteTabulation.Estimate(Sample);

        var a = estimate.Shares.Single(s => s.Choice == "A");
        Assert.Equal(0.54, a.Share, 1e-12);
        Assert.Equal(0.0350238, a.StandardError, 1e-7);
        Assert.Equal(0.0686454, a.MarginOfError95, 1e-7);
        Assert.Equal(0.0902153, a.MarginOfError99, 1e-7);
        Assert.Equal(0.54 - 0.0686454, a.Interval95.Low, 1e-7);
        Assert.Equal(0.54 + 0.0902153, a.Interval99.High, 1e-7);

        // B = 230 / 500 = 0.46; with two choices its residuals are A's with the sign turned, so the same SE.
        var b = estimate.Shares.Single(s => s.Choice == "B");
        Assert.Equal(0.46, b.Share, 1e-12);
        Assert.Equal(a.StandardError, b.StandardError, 1e-12);
        Assert.Equal((4, 500L), (estimate.SampledStations, estimate.ValidVotes));
    }

    [Fact]
    public void The_finite_population_correction_narrows_the_margin()
    {
        // 4 of 40 stations: Var(r) × (1 − 4/40) = 0.00122667 × 0.9 = 0.00110400; SE = 0.0332265;
        // MoE 95 % = 1.959964 × 0.0332265 = 0.0651227; MoE 99 % = 2.575829 × 0.0332265 = 0.0855858.
        var a = ParallelVoteTabulation.Estimate(Sample, populationStations: 40).Shares.Single(s => s.Choice == "A");

        Assert.Equal(0.0332265, a.StandardError, 1e-7);
        Assert.Equal(0.0651227, a.MarginOfError95, 1e-7);
        Assert.Equal(0.0855858, a.MarginOfError99, 1e-7);
        // A census (every station sampled) has no sampling error.
        Assert.Equal(0, ParallelVoteTabulation.Estimate(Sample, populationStations: 4).Shares[0].MarginOfError95);
    }

    [Fact]
    public void Against_all_is_estimated_like_a_choice()
    {
        // Station 1: 10 against all of 100 valid; station 2: 0 of 100. r = 10 / 200 = 0.05; residuals 10 − 5 = 5, 0 − 5 = −5;
        // s² = 50 / 1 = 50; Var = 50 / (2 · 100²) = 0.0025; SE = 0.05; MoE 95 % = 0.0979982.
        var estimate = ParallelVoteTabulation.Estimate(
        [
            new Protocol(200, 100, 100, 0, [new ChoiceVotes("A", 90)], AgainstAll: 10),
            new Protocol(200, 100, 100, 0, [new ChoiceVotes("A", 100)]),
        ]);

        var against = estimate.Shares.Single(s => s.Choice == ParallelVoteTabulation.AgainstAll);
        Assert.Equal(0.05, against.Share, 1e-12);
        Assert.Equal(0.0979982, against.MarginOfError95, 1e-7);
    }

    [Fact]
    public void Too_small_a_sample_is_refused()
    {
        Assert.Contains("at least 2", Assert.Throws<ValidationException>(() => ParallelVoteTabulation.Estimate([Sample[0]])).Message);
        Assert.Contains("fewer than the 4 sampled", Assert.Throws<ValidationException>(() => ParallelVoteTabulation.Estimate(Sample, 3)).Message);
    }
}
