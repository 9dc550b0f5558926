using Assay.Core.Measurements;

namespace Assay.Core.Tests.Measurements;

public class LatencyHistogramTests
{
    // Three significant digits: any reported value is within 0.1% of the value recorded.
    private static void AssertWithinPrecision(double expectedMs, double actualMs) =>
        Assert.InRange(actualMs, expectedMs * 0.999, expectedMs * 1.001);

    private static readonly double[] Percentiles = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];

    [Fact]
    public void Percentiles_of_a_uniform_1_to_10000_microseconds_are_where_the_ranks_are()
    {
        var histogram = Samples.Histogram(Enumerable.Range(1, 10_000).Select(i => (long)i));
        Assert.Equal(10_000, histogram.Count);
        var summary = histogram.Summarize();
        AssertWithinPrecision(5.0, summary.P50);
        AssertWithinPrecision(9.0, summary.P90);
        AssertWithinPrecision(9.9, summary.P99);
        AssertWithinPrecision(9.99, summary.P999);
        AssertWithinPrecision(10.0, summary.Max);
        Assert.Equal(0.001, summary.Min);
        AssertWithinPrecision(5.0005, summary.Mean);
    }

    [Fact]
    public void Values_below_2048_microseconds_are_held_exactly()
    {
        // 10, 20, … 1000 µs: the 50th value is 500 µs, the 95th 950 µs, the mean 505 µs.
        var histogram = Samples.Steps(10, 10, 100);
        Assert.Equal(0.5, histogram.PercentileMs(50));
        Assert.Equal(0.95, histogram.PercentileMs(95));
        Assert.Equal(0.01, histogram.MinMs);
        Assert.Equal(1.0, histogram.MaxMs);
        Assert.Equal(0.505, histogram.MeanMs, 12);
    }

    [Fact]
    public void Spectrum_pairs_each_percentile_with_its_latency() =>
        Assert.Equal([(50.0, 0.5), (100.0, 1.0)], Samples.Steps(10, 10, 100).Spectrum([50, 100]));

    [Fact]
    public void Merging_two_histograms_equals_recording_every_value_into_one()
    {
        var random = new Random(4242);
        var values = Enumerable.Range(0, 20_000).Select(_ => (long)random.Next(1, 2_000_000)).ToArray();
        var single = Samples.Histogram(values);
        var merged = LatencyHistogram.Merge([Samples.Histogram(values[..7_000]), Samples.Histogram(values[7_000..])]);

        Assert.Equal(single.Count, merged.Count);
        foreach (var p in Percentiles) Assert.Equal(single.PercentileMs(p), merged.PercentileMs(p));
        Assert.Equal(single.Summarize(), merged.Summarize());
    }

    [Fact]
    public void Add_accumulates_into_the_receiving_histogram()
    {
        var total = Samples.Steps(100, 1, 10);
        total.Add(Samples.Steps(200, 1, 5));
        Assert.Equal(15, total.Count);
        Assert.Equal(0.204, total.MaxMs);
        Assert.Equal(0.1, total.MinMs);
    }

    [Fact]
    public void Recording_with_a_count_is_the_same_as_recording_that_many_times()
    {
        var once = LatencyHistogram.Create();
        once.RecordMicroseconds(1_500, 3);
        var thrice = Samples.Histogram([1_500, 1_500, 1_500]);
        Assert.Equal(3, once.Count);
        Assert.Equal(thrice.Summarize(), once.Summarize());
    }

    [Fact]
    public void Encoding_then_decoding_keeps_every_count_and_percentile()
    {
        var random = new Random(77);
        var original = Samples.Histogram(Enumerable.Range(0, 5_000).Select(_ => (long)random.Next(50, 5_000_000)));
        var decoded = LatencyHistogram.Decode(original.Encode());

        Assert.Equal(original.Count, decoded.Count);
        foreach (var p in Percentiles) Assert.Equal(original.PercentileMs(p), decoded.PercentileMs(p));
        Assert.Equal(original.Summarize(), decoded.Summarize());
        Assert.Equal(original.Encode(), decoded.Encode());
    }

    [Fact]
    public void An_empty_histogram_round_trips_through_its_encoding()
    {
        var decoded = LatencyHistogram.Decode(LatencyHistogram.Create().Encode());
        Assert.Equal(0, decoded.Count);
    }

    [Fact]
    public void Values_below_one_microsecond_are_counted_as_one_microsecond()
    {
        var histogram = Samples.Histogram([0, -25]);
        Assert.Equal(2, histogram.Count);
        Assert.Equal(0.001, histogram.MinMs);
        Assert.Equal(0.001, histogram.MaxMs);
    }

    [Fact]
    public void Values_beyond_one_hour_are_counted_as_one_hour()
    {
        var histogram = LatencyHistogram.Create();
        histogram.RecordMicroseconds(long.MaxValue);
        histogram.RecordMicroseconds(7_200_000_000, 2);
        Assert.Equal(3, histogram.Count);
        AssertWithinPrecision(3_600_000, histogram.MaxMs);
        AssertWithinPrecision(3_600_000, histogram.MinMs);
    }

    [Fact]
    public void An_empty_histogram_summarises_to_zeros()
    {
        var histogram = LatencyHistogram.Create();
        Assert.Equal(0, histogram.Count);
        Assert.Equal(LatencySummary.Empty, histogram.Summarize());
        Assert.Equal(0, histogram.PercentileMs(99));
        Assert.Equal(LatencySummary.Empty, LatencyHistogram.Merge([]).Summarize());
    }

    [Fact(Timeout = 60_000)]
    public async Task Concurrent_recording_from_several_threads_loses_no_counts()
    {
        const int Threads = 4;
        const int PerThread = 50_000;
        var histogram = LatencyHistogram.CreateConcurrent();
        using var start = new Barrier(Threads);
        var writers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(10));
                for (var i = 0; i < PerThread; i++) histogram.RecordMicroseconds(1 + (i + t) % 1_000);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Threads * PerThread, histogram.Count);
        // Every thread recorded each of 1..1000 µs fifty times, so the median is exactly 500 µs.
        Assert.Equal(0.5, histogram.PercentileMs(50));
        Assert.Equal(Threads * PerThread, LatencyHistogram.Decode(histogram.Encode()).Count);
    }
}
