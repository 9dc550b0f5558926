using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class MannWhitneyTests
{
    public static TheoryData<double[], double[], double, double> RReference => new()
    {
        // baseline, candidate, R's W for wilcox.test(candidate, baseline), R's exact two-sided p (R 4.2.2)
        { [1, 2, 3], [4, 5, 6], 9, 0.1 },
        { [1, 2, 3, 4], [5, 6, 7, 8], 16, 0.0285714285714286 },
        { [1, 2, 3, 4, 5], [6, 7, 8, 9, 10], 25, 0.00793650793650794 },
        { [1.1, 2.3, 3.5, 4.2], [2.0, 3.9, 5.1, 6.4, 7.0], 16, 0.19047619047619 },
        { [9.1, 10.0, 8.7, 11.2, 9.5], [10.4, 12.1, 9.8, 13.5, 11.9], 22, 0.0555555555555556 },
        { [2.5, 0.9, 3.0], [3.3, 1.2, 5.5, 2.8, 4.1, 6.0], 15, 0.166666666666667 },
        { [18.2, 20.5, 17.9, 19.1, 21.0, 18.8], [21.3, 19.8, 25.1, 22.7, 20.2, 23.9, 24.4], 38, 0.013986013986014 },
    };

    [Theory]
    [MemberData(nameof(RReference))]
    public void Exact_p_values_and_U_match_R_wilcox_test(double[] baseline, double[] candidate, double w, double p)
    {
        var result = MannWhitney.Test(baseline, candidate);
        Assert.Equal(w, result.U);
        Assert.Equal(p, result.PValue, 1e-12);
        Assert.Equal(MannWhitneyMethod.Exact, result.Method);
    }

    [Theory]
    [MemberData(nameof(RReference))]
    public void Swapping_the_samples_keeps_the_p_value_and_mirrors_U(double[] baseline, double[] candidate, double w, double p)
    {
        var swapped = MannWhitney.Test(candidate, baseline);
        Assert.Equal(baseline.Length * candidate.Length - w, swapped.U);
        Assert.Equal(p, swapped.PValue, 1e-12);
    }

    [Theory]
    // R 4.2.2: the same enumeration with combn over mid-ranks
    [InlineData(new[] { 1.0, 2, 2, 3 }, new[] { 2.0, 3, 4, 4, 5 }, 0.111111111111111)]
    [InlineData(new[] { 0, 0, 0, 0.001 }, new[] { 0, 0.002, 0.003, 0.001, 0.004 }, 0.142857142857143)]
    [InlineData(new[] { 5.0, 5, 5 }, new[] { 5.0, 5, 5 }, 1)]
    public void With_ties_the_p_value_is_exact_given_the_ties(double[] baseline, double[] candidate, double p)
    {
        var result = MannWhitney.Test(baseline, candidate);
        Assert.Equal(p, result.PValue, 1e-12);
        Assert.Equal(PermutationOracle.TwoSidedPValue(baseline, candidate), result.PValue, 1e-12);
        Assert.Equal(PermutationOracle.U(baseline, candidate), result.U);
        Assert.Equal(MannWhitneyMethod.ExactWithTies, result.Method);
    }

    [Fact]
    public void Random_samples_with_and_without_ties_agree_with_full_enumeration()
    {
        var random = new Random(20240611);
        for (var round = 0; round < 40; round++)
        {
            var m = random.Next(1, 7);
            var n = random.Next(1, 7);
            // Coarse values in half of the rounds, so ties are common there.
            var scale = round % 2 == 0 ? 4 : 1000;
            double[] baseline = [.. Enumerable.Range(0, m).Select(_ => (double)random.Next(scale))];
            double[] candidate = [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(scale))];
            var result = MannWhitney.Test(baseline, candidate);
            Assert.Equal(PermutationOracle.TwoSidedPValue(baseline, candidate), result.PValue, 1e-12);
            Assert.Equal(PermutationOracle.U(baseline, candidate), result.U);
        }
    }

    [Fact]
    public void Large_samples_use_the_normal_approximation_as_R_does()
    {
        // R 4.2.2: set.seed(1); x <- round(rnorm(60, 100, 10), 1); y <- round(rnorm(55, 104, 10), 1);
        // wilcox.test(y, x, exact = FALSE, correct = TRUE): W = 2019.5, p = 0.0388189262138812
        double[] x =
        [
            93.7, 101.8, 91.6, 116, 103.3, 91.8, 104.9, 107.4, 105.8, 96.9, 115.1, 103.9, 93.8, 77.9, 111.2, 99.6, 99.8, 109.4,
            108.2, 105.9, 109.2, 107.8, 100.7, 80.1, 106.2, 99.4, 98.4, 85.3, 95.2, 104.2, 113.6, 99, 103.9, 99.5, 86.2, 95.9,
            96.1, 99.4, 111, 107.6, 98.4, 97.5, 107, 105.6, 93.1, 92.9, 103.6, 107.7, 98.9, 108.8, 104, 93.9, 103.4, 88.7, 114.3,
            119.8, 96.3, 89.6, 105.7, 98.6,
        ];
        double[] y =
        [
            128, 103.6, 110.9, 104.3, 96.6, 105.9, 86, 118.7, 105.5, 125.7, 108.8, 96.9, 110.1, 94.7, 91.5, 106.9, 99.6, 104,
            104.7, 98.1, 98.3, 102.6, 115.8, 88.8, 109.9, 107.3, 114.6, 101, 107.7, 106.7, 98.6, 116.1, 115.6, 111, 119.9, 109.6,
            91.2, 98.3, 91.8, 99.3, 97.8, 104.4, 94.9, 105.6, 97.5, 121.7, 111.2, 113.1, 107.8, 120.8, 97.6, 99.4, 118.3, 97.5, 101.9,
        ];
        var result = MannWhitney.Test(x, y);
        Assert.Equal(MannWhitneyMethod.NormalApproximation, result.Method);
        Assert.Equal(2019.5, result.U);
        Assert.Equal(0.0388189262138812, result.PValue, 1e-6);
    }

    [Theory]
    // REFERENCE.md §5: smallest two-sided misrate 2 / C(2n, n)
    [InlineData(3, 0.10, 1e-12)]
    [InlineData(4, 0.029, 5e-4)]
    [InlineData(5, 0.0079, 5e-5)]
    [InlineData(10, 1.1e-5, 5e-7)]
    public void The_smallest_misrate_follows_the_reference_table(int n, double misrate, double tolerance) =>
        Assert.Equal(misrate, MannWhitney.SmallestMisrate(n, n), tolerance);

    [Theory]
    [InlineData(0.90, 3)]
    [InlineData(0.95, 4)]
    [InlineData(0.99, 5)]
    public void The_fewest_trials_per_arm_follow_from_the_smallest_misrate(double confidence, int trials) =>
        Assert.Equal(trials, MannWhitney.MinimumTrialsPerArm(confidence));

    [Fact]
    public void An_interval_rank_that_cannot_reach_the_confidence_says_so()
    {
        var rank = MannWhitney.RankFor(3, 3, 0.95);
        Assert.Equal(1, rank.K);
        Assert.Equal(0.9, rank.AchievedConfidence, 1e-12);
        Assert.False(rank.ReachesRequested);
        Assert.True(MannWhitney.RankFor(3, 3, 0.90).ReachesRequested);
        Assert.True(MannWhitney.RankFor(4, 4, 0.95).ReachesRequested);
    }

    [Fact]
    public void Empty_or_non_finite_samples_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([], [1.0]));
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([1.0], [double.NaN]));
    }
}
