using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Reporting.Charts;

namespace Assay.Reporting.Report;

/// <summary>The series a run's charts plot, drawn from its result document. Pure.</summary>
internal static class RunSeries
{
    /// <summary>The percentiles the latency spectrum plots, as wrk2 and HdrHistogram's plotter do.</summary>
    public static IReadOnlyList<double> SpectrumPercentiles { get; } = [50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99];

    /// <summary>Per second of the measured window, the median across trials of the succeeded (or failed) operations.</summary>
    public static ChartSeries PerSecond(VariantResult variant, bool failed)
    {
        var counts = variant.TrialResults
            .SelectMany(t => t.Series.Workload)
            .GroupBy(c => c.Second)
            .OrderBy(g => g.Key)
            .Select(g => new ChartPoint(g.Key, Median.Of([.. g.Select(c => (double)(failed ? c.Failed : c.Succeeded))])));
        return new ChartSeries(variant.Name, [.. counts]);
    }

    /// <summary>
    /// The latency spectrum of all the variant's operations, every trial's histograms merged (HdrHistogram sums
    /// are exact). X is 1/(1 − q), so each added nine of the percentile takes the same width on a log axis.
    /// </summary>
    public static ChartSeries Spectrum(VariantResult variant)
    {
        var merged = Histogram(variant);
        if (merged.Count == 0) return new ChartSeries(variant.Name, []);
        return new ChartSeries(variant.Name, [.. merged.Spectrum(SpectrumPercentiles).Select(p => new ChartPoint(SpectrumX(p.Percentile), p.Ms))]);
    }

    /// <summary>Every trial's histograms of a variant, merged.</summary>
    public static LatencyHistogram Histogram(VariantResult variant) =>
        LatencyHistogram.Merge(variant.TrialResults.SelectMany(t => t.Histograms.Values).Select(LatencyHistogram.Decode));

    public static double SpectrumX(double percentile) => 1 / (1 - percentile / 100);

    public static double PercentileOf(double spectrumX) => 100 * (1 - 1 / spectrumX);

    /// <summary>
    /// The trial the resource charts show: the one with the median throughput, so the picture is a typical
    /// trial rather than the best or worst (sample times differ between trials, so they are not averaged).
    /// </summary>
    public static TrialSummary? RepresentativeTrial(VariantResult variant)
    {
        var measured = variant.TrialResults.Where(t => t.Series.Components.Count > 0).ToList();
        if (measured.Count == 0) return null;
        var ordered = measured.OrderBy(t => t.Workload?.Throughput ?? 0).ThenBy(t => t.Trial).ToList();
        return ordered[(ordered.Count - 1) / 2];
    }

    /// <summary>Cores each component (its replicas summed) used between consecutive samples, at each sample's time.</summary>
    public static IEnumerable<ChartSeries> Cores(VariantResult variant) => ByComponent(variant, CoresBetweenSamples);

    private static IEnumerable<ChartPoint> CoresBetweenSamples(IReadOnlyList<UsageSample> samples)
    {
        for (var i = 1; i < samples.Count; i++)
        {
            var (a, b) = (samples[i - 1], samples[i]);
            // A counter that went backwards (a restarted process) would chart negative cores: clamp it to 0.
            if (b.OffsetSeconds > a.OffsetSeconds)
                yield return new ChartPoint(b.OffsetSeconds, Math.Max(0, (b.CpuSeconds - a.CpuSeconds) / (b.OffsetSeconds - a.OffsetSeconds)));
        }
    }

    /// <summary>Working-set memory of each component (its replicas summed) at each sample, in MiB (round ticks in the unit people read).</summary>
    public static IEnumerable<ChartSeries> Memory(VariantResult variant) =>
        ByComponent(variant, samples => samples.Select(s => new ChartPoint(s.OffsetSeconds, s.MemoryBytes / (double)(1 << 20))));

    private static IEnumerable<ChartSeries> ByComponent(VariantResult variant, Func<IReadOnlyList<UsageSample>, IEnumerable<ChartPoint>> points)
    {
        if (RepresentativeTrial(variant) is not { } trial) yield break;
        foreach (var component in trial.Series.Components.GroupBy(c => c.Component))
        {
            // Replicas are sampled together, so their samples share offsets to the millisecond.
            var summed = component
                .SelectMany(instance => points(instance.Samples))
                .GroupBy(p => Math.Round(p.X, 3))
                .OrderBy(g => g.Key)
                .Select(g => new ChartPoint(g.Key, g.Sum(p => p.Y)));
            yield return new ChartSeries($"{variant.Name} · {component.Key}", [.. summed]);
        }
    }
}
