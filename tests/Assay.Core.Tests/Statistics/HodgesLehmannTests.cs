using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class HodgesLehmannTests
{
    public static TheoryData<double[], double[], double, double, double, double> RShift => new()
    {
        // baseline, candidate, confidence, then R 4.2.2's wilcox.test(candidate, baseline, conf.int = TRUE, exact = TRUE):
        // estimate, conf.int
        { [1, 2, 3], [4, 5, 6], 0.90, 3, 1, 5 },
        { [1, 2, 3, 4], [5, 6, 7, 8], 0.95, 4, 1, 7 },
        { [1, 2, 3, 4, 5], [6, 7, 8, 9, 10], 0.95, 5, 2, 8 },
        { [1.1, 2.3, 3.5, 4.2], [2.0, 3.9, 5.1, 6.4, 7.0], 0.95, 2.5, -1.5, 5.3 },
        { [9.1, 10.0, 8.7, 11.2, 9.5], [10.4, 12.1, 9.8, 13.5, 11.9], 0.95, 1.9, -0.2, 4 },
        { [9.1, 10.0, 8.7, 11.2, 9.5], [10.4, 12.1, 9.8, 13.5, 11.9], 0.90, 1.9, 0.4, 3.4 },
        { [2.5, 0.9, 3.0], [3.3, 1.2, 5.5, 2.8, 4.1, 6.0], 0.95, 1.75, -1.3, 4.6 },
        { [18.2, 20.5, 17.9, 19.1, 21.0, 18.8], [21.3, 19.8, 25.1, 22.7, 20.2, 23.9, 24.4], 0.99, 3.4, -0.3, 6.3 },
    };

    [Theory]
    [MemberData(nameof(RShift))]
    public void The_shift_and_its_interval_match_R(double[] baseline, double[] candidate, double confidence, double estimate, double low, double high)
    {
        var shift = HodgesLehmann.Shift(baseline, candidate, confidence);
        Assert.Equal(estimate, shift.Estimate, 1e-12);
        Assert.Equal(low, shift.Low, 1e-12);
        Assert.Equal(high, shift.High, 1e-12);
        Assert.True(shift.ReachesRequested);
        Assert.True(shift.Exact);
    }

    [Theory]
    // k and the confidence it achieves: 1 − 2·pwilcox(k − 1, m, n)
    [InlineData(4, 4, 0.95, 1, 1 - 2.0 / 70)]
    [InlineData(5, 5, 0.95, 3, 1 - 2 * 4.0 / 252)]
    [InlineData(3, 3, 0.90, 1, 0.9)]
    public void The_achieved_confidence_is_the_discrete_one_at_least_the_requested(int m, int n, double confidence, int k, double achieved)
    {
        var shift = HodgesLehmann.Shift([.. Enumerable.Range(1, m).Select(i => (double)i)], [.. Enumerable.Range(1, n).Select(i => i + 0.5)], confidence);
        var rank = MannWhitney.RankFor(m, n, confidence);
        Assert.Equal(k, rank.K);
        Assert.Equal(achieved, shift.Confidence, 1e-12);
        Assert.True(shift.Confidence >= confidence);
    }

    [Fact]
    public void Three_trials_cannot_reach_95_percent_and_say_so_as_R_warns()
    {
        // R: "requested conf.level not achievable", interval [1, 5] at 0.9
        var shift = HodgesLehmann.Shift([1, 2, 3], [4, 5, 6], 0.95);
        Assert.False(shift.ReachesRequested);
        Assert.Equal(0.9, shift.Confidence, 1e-12);
        Assert.Equal((1, 5), (shift.Low, shift.High));
    }

    [Fact]
    public void The_ratio_and_its_interval_match_R_on_the_log_scale()
    {
        // R: exp of wilcox.test(log(candidate), log(baseline), conf.int = TRUE, exact = TRUE)
        double[] baseline = [10230, 10410, 9980, 10120, 10350];
        double[] candidate = [11050, 10890, 11320, 10960, 11210];
        var ratio = HodgesLehmann.Ratio(baseline, candidate, 0.95);
        Assert.Equal(1.08309178743961, ratio.Estimate, 1e-12);
        Assert.Equal(1.05283381364073, ratio.Low, 1e-12);
        Assert.Equal(1.11857707509881, ratio.High, 1e-12);
        var narrower = HodgesLehmann.Ratio(baseline, candidate, 0.90);
        Assert.Equal(1.06147934678194, narrower.Low, 1e-12);
        Assert.Equal(1.10721442885772, narrower.High, 1e-12);
    }

    [Fact]
    public void An_even_number_of_pairs_takes_the_geometric_mean_of_the_middle_ratios_as_R_does()
    {
        var ratio = HodgesLehmann.Ratio([2.41, 2.37, 2.55, 2.48], [2.12, 2.30, 2.61, 2.05, 2.22, 2.19], 0.95);
        Assert.Equal(0.898554605745606, ratio.Estimate, 1e-12);
        Assert.Equal(0.831372549019608, ratio.Low, 1e-12);
        Assert.Equal(1.05241935483871, ratio.High, 1e-12);
    }

    [Fact]
    public void A_hand_enumerated_ratio_is_the_median_pairwise_ratio_between_the_extremes()
    {
        // 3/2 3/4 3/5 6/2 6/4 6/5 10/2 10/4 10/5 sorted: 0.6 0.75 1.2 1.5 1.5 2 2.5 3 5; n = 3 at 90%: k = 1
        var ratio = HodgesLehmann.Ratio([2, 4, 5], [3, 6, 10], 0.90);
        Assert.Equal((1.5, 0.6, 5.0), (ratio.Estimate, ratio.Low, ratio.High));
    }

    [Fact]
    public void Bounds_are_the_kth_smallest_and_kth_largest_pairwise_ratios()
    {
        double[] baseline = [101.3, 97.2, 104.8, 99.1, 102.6, 98.4];
        double[] candidate = [108.2, 103.9, 111.5, 106.3, 99.8, 110.1, 105.0];
        var sorted = PermutationOracle.SortedRatios(baseline, candidate);
        var rank = MannWhitney.RankFor(baseline.Length, candidate.Length, 0.95);
        var ratio = HodgesLehmann.Ratio(baseline, candidate, 0.95);
        Assert.Equal(sorted[rank.K - 1], ratio.Low);
        Assert.Equal(sorted[^rank.K], ratio.High);
        Assert.Equal(Math.Sqrt(sorted[20] * sorted[21]), ratio.Estimate, 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_interval_of_identical_samples_contains_one(int seed)
    {
        var random = new Random(seed);
        double[] values = [.. Enumerable.Range(0, 3 + seed).Select(_ => 500 + random.NextDouble() * 100)];
        var ratio = HodgesLehmann.Ratio(values, values, 0.95);
        Assert.Equal(1, ratio.Estimate, 1e-12);
        Assert.InRange(1.0, ratio.Low, ratio.High);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.07)]
    [InlineData(3)]
    public void Scaling_the_candidate_scales_the_ratio_and_its_interval(double factor)
    {
        double[] baseline = [10.2, 9.7, 10.9, 10.4, 9.9];
        double[] candidate = [11.1, 10.3, 12.0, 10.8, 11.6];
        var before = HodgesLehmann.Ratio(baseline, candidate, 0.95);
        var after = HodgesLehmann.Ratio(baseline, [.. candidate.Select(v => v * factor)], 0.95);
        Assert.Equal(before.Estimate * factor, after.Estimate, 1e-12);
        Assert.Equal(before.Low * factor, after.Low, 1e-12);
        Assert.Equal(before.High * factor, after.High, 1e-12);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 6)]
    [InlineData(7, 3)]
    public void Swapping_baseline_and_candidate_inverts_the_ratio_and_the_interval(int m, int n)
    {
        var random = new Random(m * 10 + n);
        double[] baseline = [.. Enumerable.Range(0, m).Select(_ => 50 + random.NextDouble() * 20)];
        double[] candidate = [.. Enumerable.Range(0, n).Select(_ => 55 + random.NextDouble() * 20)];
        var forward = HodgesLehmann.Ratio(baseline, candidate, 0.90);
        var backward = HodgesLehmann.Ratio(candidate, baseline, 0.90);
        Assert.Equal(1 / forward.Estimate, backward.Estimate, 1e-12);
        Assert.Equal(1 / forward.High, backward.Low, 1e-12);
        Assert.Equal(1 / forward.Low, backward.High, 1e-12);
        Assert.Equal(forward.Confidence, backward.Confidence, 1e-15);
    }

    [Fact]
    public void A_ratio_of_a_zero_value_is_refused() =>
        Assert.Throws<ArgumentException>(() => HodgesLehmann.Ratio([0.0, 1], [1.0, 2], 0.9));
}
