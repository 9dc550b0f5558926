using Assay.Core.Measurements;

namespace Assay.Core.Tests.Measurements;

/// <summary>Counts at or below a latency, which latency SLOs read (the histogram's answer to a Prometheus <c>le</c> bucket).</summary>
public sealed class LatencyHistogramCountTests
{
    [Fact]
    public void Below_2048_microseconds_the_count_is_exact_and_includes_the_value_itself()
    {
        // 10, 20, … 1000 µs.
        var histogram = Samples.Steps(10, 10, 100);

        Assert.Equal(50, histogram.CountAtOrBelowMicroseconds(500));
        Assert.Equal(49, histogram.CountAtOrBelowMicroseconds(499));
        Assert.Equal(1, histogram.CountAtOrBelowMicroseconds(10));
        Assert.Equal(0, histogram.CountAtOrBelowMicroseconds(9));
        Assert.Equal(100, histogram.CountAtOrBelowMicroseconds(1000));
    }

    [Fact]
    public void Above_2048_microseconds_a_value_in_the_thresholds_bucket_counts_within_the_tenth_of_a_percent_precision()
    {
        // Between 32,768 and 65,535 µs a bucket is 32 µs wide: 50,000 shares 49,984–50,015.
        var histogram = Samples.Histogram([49_983, 49_984, 50_000, 50_015, 50_016]);

        Assert.Equal(4, histogram.CountAtOrBelowMicroseconds(50_000));
        Assert.Equal(1, histogram.CountAtOrBelowMicroseconds(49_983));
        Assert.Equal(5, histogram.CountAtOrBelowMicroseconds(50_016));
    }

    [Fact]
    public void Counts_recorded_with_a_multiplicity_add_up()
    {
        var histogram = LatencyHistogram.Create();
        histogram.RecordMicroseconds(100, 990);
        histogram.RecordMicroseconds(2_000, 10);

        Assert.Equal(990, histogram.CountAtOrBelowMicroseconds(1_000));
        Assert.Equal(1_000, histogram.CountAtOrBelowMicroseconds(2_000));
    }

    [Fact]
    public void Out_of_range_limits_count_nothing_below_and_everything_above()
    {
        var histogram = Samples.Histogram([1, 5, 3_600_000_000]);

        Assert.Equal(0, histogram.CountAtOrBelowMicroseconds(0));
        Assert.Equal(0, histogram.CountAtOrBelowMicroseconds(-5));
        Assert.Equal(3, histogram.CountAtOrBelowMicroseconds(long.MaxValue));
        Assert.Equal(0, LatencyHistogram.Create().CountAtOrBelowMicroseconds(1_000));
    }

    [Fact]
    public void Merged_histograms_count_the_sum_of_their_parts()
    {
        var a = Samples.Steps(100, 100, 10);
        var b = Samples.Steps(150, 100, 10);

        Assert.Equal(a.CountAtOrBelowMicroseconds(600) + b.CountAtOrBelowMicroseconds(600), LatencyHistogram.Merge([a, b]).CountAtOrBelowMicroseconds(600));
    }
}
