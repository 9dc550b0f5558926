using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class NormalDistributionTests
{
    [Theory]
    // R 4.2.2: pnorm(1.96), pnorm(-1.96), pnorm(0)
    [InlineData(1.96, 0.97500210485178)]
    [InlineData(-1.96, 0.0249978951482204)]
    [InlineData(0, 0.5)]
    public void The_cdf_matches_R_pnorm(double x, double p) => Assert.Equal(p, NormalDistribution.Cdf(x), 2e-7);

    [Theory]
    // R 4.2.2: qnorm(0.975), qnorm(0.001), qnorm(0.5)
    [InlineData(0.975, 1.95996398454005)]
    [InlineData(0.001, -3.09023230616781)]
    [InlineData(0.5, 0)]
    public void The_quantile_matches_R_qnorm(double p, double x) => Assert.Equal(x, NormalDistribution.Quantile(p), 1e-8);

    [Fact]
    public void Beyond_exact_counting_the_interval_rank_comes_from_the_normal_approximation()
    {
        // mn/2 = 1800, σ = sqrt(60·60·121/12) ≈ 190.53; k − 1 is the last u with Φ((u + ½ − 1800)/σ) < 0.025.
        var rank = MannWhitney.RankFor(60, 60, 0.95);
        Assert.False(rank.Exact);
        var sigma = Math.Sqrt(60.0 * 60 * 121 / 12);
        Assert.True(NormalDistribution.Cdf((rank.K - 1 + 0.5 - 1800) / sigma) < 0.025);
        Assert.True(NormalDistribution.Cdf((rank.K + 0.5 - 1800) / sigma) >= 0.025);
        Assert.True(rank.ReachesRequested);
    }
}
