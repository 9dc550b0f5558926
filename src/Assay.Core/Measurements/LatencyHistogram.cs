using HdrHistogram;
using HdrHistogram.Utilities;

namespace Assay.Core.Measurements;

/// <summary>
/// Latencies in microseconds, from 1 µs to one hour at three significant digits, in an HdrHistogram:
/// constant memory however many requests, exact merging across connections, trials and workers.
/// </summary>
public sealed class LatencyHistogram
{
    private const long Lowest = 1;
    private const long Highest = 3_600_000_000; // one hour in µs
    private const int Digits = 3;

    private readonly HistogramBase _histogram;

    private LatencyHistogram(HistogramBase histogram) => _histogram = histogram;

    /// <summary>A histogram for one writer at a time.</summary>
    public static LatencyHistogram Create() => new(new LongHistogram(Lowest, Highest, Digits));

    /// <summary>A histogram many threads record into at once without locks.</summary>
    public static LatencyHistogram CreateConcurrent() => new(new LongConcurrentHistogram(Lowest, Highest, Digits));

    public long Count => _histogram.TotalCount;

    /// <summary>Records one latency; values beyond the range are clamped so a pathological stall is still counted.</summary>
    public void RecordMicroseconds(long microseconds) =>
        _histogram.RecordValue(Math.Clamp(microseconds, Lowest, Highest));

    public void RecordMicroseconds(long microseconds, long count) =>
        _histogram.RecordValueWithCount(Math.Clamp(microseconds, Lowest, Highest), count);

    /// <summary>Adds another histogram's counts; the sum is exact, unlike averaging percentiles.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _histogram.Add(other._histogram);
    }

    /// <summary>A new single-writer histogram holding the sum of all given ones.</summary>
    public static LatencyHistogram Merge(IEnumerable<LatencyHistogram> histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        var sum = Create();
        foreach (var h in histograms) sum.Add(h);
        return sum;
    }

    /// <summary>The latency at a percentile (0–100) in milliseconds; 0 when empty.</summary>
    public double PercentileMs(double percentile) =>
        Count == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    /// <summary>
    /// How many latencies were at or below a value, within the histogram's precision: the bucket that holds the
    /// value counts whole, so values less than 0.1% above it count too (exact below 2048 µs). A value under the
    /// lowest trackable one (1 µs) counts nothing; one above the highest counts everything.
    /// </summary>
    public long CountAtOrBelowMicroseconds(long microseconds)
    {
        if (microseconds < Lowest) return 0;
        var limit = _histogram.LowestEquivalentValue(Math.Min(microseconds, Highest));
        long count = 0;
        foreach (var value in _histogram.RecordedValues())
        {
            // Recorded values come in increasing order.
            if (_histogram.LowestEquivalentValue(value.ValueIteratedTo) > limit) break;
            count += value.CountAtValueIteratedTo;
        }
        return count;
    }

    public double MaxMs => Count == 0 ? 0 : _histogram.GetMaxValue() / 1000.0;

    public double MinMs => Count == 0 ? 0 : LowestRecordedMicroseconds() / 1000.0;

    public double MeanMs => Count == 0 ? 0 : _histogram.GetMean() / 1000.0;

    /// <summary>The standard latency summary of reports.</summary>
    public LatencySummary Summarize() => new(
        PercentileMs(50), PercentileMs(90), PercentileMs(99), PercentileMs(99.9), MaxMs, MinMs, MeanMs);

    /// <summary>The distribution at the percentiles reports plot, as (percentile, ms) pairs.</summary>
    public IReadOnlyList<(double Percentile, double Ms)> Spectrum(IEnumerable<double> percentiles) =>
        [.. percentiles.Select(p => (p, PercentileMs(p)))];

    /// <summary>Compressed, base64: the standard HdrHistogram V2 encoding other tools can read.</summary>
    public string Encode()
    {
        var buffer = ByteBuffer.Allocate(_histogram.GetNeededByteBufferCapacity());
        var length = _histogram.EncodeIntoCompressedByteBuffer(buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++) bytes[i] = buffer.Get();
        return Convert.ToBase64String(bytes);
    }

    public static LatencyHistogram Decode(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var buffer = ByteBuffer.Allocate(Convert.FromBase64String(base64));
        var decoded = HistogramEncoding.DecodeFromCompressedByteBuffer(buffer, Highest);
        var histogram = Create();
        histogram._histogram.Add(decoded);
        return histogram;
    }

    private long LowestRecordedMicroseconds()
    {
        foreach (var value in _histogram.RecordedValues())
            return value.ValueIteratedTo;
        return 0;
    }
}

/// <summary>The percentiles every report shows, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P90, double P99, double P999, double Max, double Min, double Mean)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
