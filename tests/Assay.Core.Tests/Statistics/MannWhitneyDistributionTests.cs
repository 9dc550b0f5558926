using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class MannWhitneyDistributionTests
{
    // R 4.2.2: pwilcox(0:20, 4, 5)
    private static readonly double[] RCumulative4By5 =
    [
        0.00793650793650794, 0.01587301587301587, 0.03174603174603174, 0.05555555555555555, 0.09523809523809523,
        0.14285714285714285, 0.20634920634920634, 0.27777777777777779, 0.36507936507936511, 0.45238095238095244,
        0.54761904761904767, 0.63492063492063489, 0.72222222222222221, 0.79365079365079372, 0.85714285714285721,
        0.90476190476190477, 0.94444444444444442, 0.96825396825396826, 0.98412698412698418, 0.99206349206349209, 1,
    ];

    [Fact]
    public void The_cumulative_distribution_matches_R_pwilcox()
    {
        var distribution = MannWhitneyDistribution.For(4, 5);
        for (var u = 0; u <= 20; u++) Assert.Equal(RCumulative4By5[u], distribution.AtMost(u), 1e-14);
    }

    [Theory]
    // R 4.2.2: qwilcox(p, m, n)
    [InlineData(0.025, 5, 5, 3)]
    [InlineData(0.05, 5, 5, 5)]
    [InlineData(0.025, 4, 6, 3)]
    [InlineData(0.005, 7, 6, 4)]
    [InlineData(0.025, 10, 10, 24)]
    public void The_quantile_matches_R_qwilcox(double p, int m, int n, int expected) =>
        Assert.Equal(expected, MannWhitneyDistribution.For(m, n).Quantile(p));

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 7)]
    [InlineData(10, 10)]
    [InlineData(50, 50)]
    public void Probabilities_add_up_to_one_and_are_symmetric_about_the_middle(int m, int n)
    {
        var distribution = MannWhitneyDistribution.For(m, n);
        var total = Enumerable.Range(0, m * n + 1).Sum(distribution.Probability);
        Assert.Equal(1, total, 1e-12);
        for (var u = 0; u <= m * n; u++)
            Assert.Equal(distribution.Probability(u), distribution.Probability(m * n - u), 1e-15);
    }

    [Theory]
    [InlineData(3, 3, 20)]
    [InlineData(4, 4, 70)]
    [InlineData(5, 5, 252)]
    [InlineData(3, 6, 84)]
    public void Full_separation_has_probability_one_in_the_number_of_orderings(int m, int n, int orderings)
    {
        var distribution = MannWhitneyDistribution.For(m, n);
        Assert.Equal(1.0 / orderings, distribution.Probability(0), 1e-15);
        Assert.Equal(1.0 / orderings, distribution.AtLeast(m * n), 1e-15);
    }

    [Fact]
    public void The_sizes_are_interchangeable() =>
        Assert.All(Enumerable.Range(0, 19), u =>
            Assert.Equal(MannWhitneyDistribution.For(3, 6).AtMost(u), MannWhitneyDistribution.For(6, 3).AtMost(u), 1e-15));

    [Fact]
    public void Sizes_beyond_exact_counting_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MannWhitneyDistribution.For(51, 50));
}
