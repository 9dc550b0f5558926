using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class KpiSummaryTests
{
    [Fact]
    public void Median_min_max_and_trials_in_trial_order()
    {
        var summary = KpiSummary.Of([1030, 990, 1010, 1050, 970]);
        Assert.Equal(1010, summary.Median);
        Assert.Equal(970, summary.Min);
        Assert.Equal(1050, summary.Max);
        Assert.Equal([1030, 990, 1010, 1050, 970], summary.Trials);
    }

    [Fact]
    public void The_coefficient_of_variation_is_the_sample_standard_deviation_over_the_mean()
    {
        // mean 10; squared deviations 4 + 0 + 4 = 8; sample variance 8 / 2 = 4; sd 2; CV 0.2
        var summary = KpiSummary.Of([8, 10, 12]);
        Assert.Equal(0.2, summary.Cv, 1e-15);
        Assert.True(summary.HighVariation);
    }

    [Fact]
    public void Low_variation_is_not_flagged_and_the_threshold_is_a_parameter()
    {
        // mean 100; deviations ±1 → sample variance 2/2 = 1; CV 0.01
        var summary = KpiSummary.Of([99, 100, 101]);
        Assert.Equal(0.01, summary.Cv, 1e-15);
        Assert.False(summary.HighVariation);
        Assert.True(KpiSummary.Of([99, 100, 101], cvThreshold: 0.005).HighVariation);
    }

    [Fact]
    public void One_trial_has_no_variation() => Assert.Equal(0, KpiSummary.Of([42]).Cv);

    [Fact]
    public void All_zero_values_have_no_variation()
    {
        var summary = KpiSummary.Of([0, 0, 0]);
        Assert.Equal(0, summary.Cv);
        Assert.False(summary.HighVariation);
    }

    [Fact]
    public void The_summary_keeps_its_own_copy_of_the_values()
    {
        double[] values = [1, 2, 3];
        var summary = KpiSummary.Of(values);
        values[0] = 100;
        Assert.Equal(1, summary.Trials[0]);
    }

    [Fact]
    public void No_trials_negative_or_non_finite_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KpiSummary.Of([]));
        Assert.Throws<ArgumentException>(() => KpiSummary.Of([1, -1]));
        Assert.Throws<ArgumentException>(() => KpiSummary.Of([1, double.PositiveInfinity]));
    }
}
