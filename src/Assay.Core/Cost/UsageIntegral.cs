using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Core.Cost;

/// <summary>The measured window in a trial's usage series: offsets in seconds, as <see cref="UsageSample.OffsetSeconds"/>.</summary>
public sealed record UsageWindow(double StartSeconds, double EndSeconds)
{
    public double Seconds => Math.Max(0, EndSeconds - StartSeconds);

    public double Hours => Seconds / 3600;
}

/// <summary>
/// One component instance over the measured window: what it used, what it requested and what it is charged
/// for (max(request, usage)), in core-hours and GiB-hours, integrated from its samples.
/// </summary>
/// <param name="Hours">The part of the window the samples cover (the whole window unless the instance stopped early).</param>
/// <param name="CpuRequestCoreHours">Request × hours; null when no CPU request is declared.</param>
/// <param name="MemoryPeakGiB">The highest working set in the window.</param>
/// <param name="FromSeries">False when the series was too short and the instance's window averages were used instead.</param>
public sealed record InstanceAllocation(
    string Component,
    int Replica,
    double Hours,
    double CpuUsageCoreHours,
    double CpuAllocatedCoreHours,
    double? CpuRequestCoreHours,
    double MemoryUsageGiBHours,
    double MemoryAllocatedGiBHours,
    double? MemoryRequestGiBHours,
    double MemoryPeakGiB,
    bool FromSeries);

/// <summary>
/// Integrates an instance's sampled series over the window. CPU: the cumulative CPU seconds give a constant rate
/// between two samples, so ∫ max(request, usage) dt is exact at the sampling resolution. Memory: the working set
/// is taken as linear between samples and max(request, working set) is integrated exactly, splitting an
/// interval where the line crosses the request. Raw samples, not averages: OpenCost's own error for a
/// five-minute pod at one-minute resolution is 0.80–1.00 (REFERENCE §3).
/// </summary>
public static class UsageIntegral
{
    public const double BytesPerGiB = 1024d * 1024 * 1024;

    /// <param name="resources">The component's plan: <see cref="ResourcePlan.Cpus"/> and <see cref="ResourcePlan.MemoryBytes"/>
    /// are each instance's request (null = none declared, so usage is charged).</param>
    public static InstanceAllocation Integrate(ComponentUsage usage, ResourcePlan resources, UsageWindow window)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(window);
        var cpuRequest = resources.Cpus;
        double? memoryRequest = resources.MemoryBytes is { } bytes ? bytes / BytesPerGiB : null;
        var samples = usage.Series.OrderBy(s => s.OffsetSeconds).ToList();

        double covered = 0, cpuUse = 0, cpuAlloc = 0, memUse = 0, memAlloc = 0, peak = 0;
        for (var i = 0; i + 1 < samples.Count; i++)
        {
            var (s0, s1) = (samples[i], samples[i + 1]);
            var span = s1.OffsetSeconds - s0.OffsetSeconds;
            var from = Math.Max(s0.OffsetSeconds, window.StartSeconds);
            var to = Math.Min(s1.OffsetSeconds, window.EndSeconds);
            if (span <= 0 || to <= from) continue;
            var dt = to - from;
            // A counter that went backwards (a restarted process) used nothing we can measure here.
            var rate = Math.Max(0, (s1.CpuSeconds - s0.CpuSeconds) / span);
            cpuUse += rate * dt;
            cpuAlloc += Math.Max(cpuRequest ?? 0, rate) * dt;
            var m0 = Interpolate(s0, s1, from);
            var m1 = Interpolate(s0, s1, to);
            memUse += (m0 + m1) / 2 * dt;
            memAlloc += MaxIntegral(memoryRequest, m0, m1, dt);
            peak = Math.Max(peak, Math.Max(m0, m1));
            covered += dt;
        }

        if (covered <= 0) return FromAverages(usage, cpuRequest, memoryRequest, window);
        return new InstanceAllocation(
            usage.Component,
            usage.Replica,
            covered / 3600,
            cpuUse / 3600,
            cpuAlloc / 3600,
            cpuRequest * covered / 3600,
            memUse / 3600,
            memAlloc / 3600,
            memoryRequest * covered / 3600,
            peak,
            FromSeries: true);
    }

    /// <summary>Working set in GiB at <paramref name="t"/>, on the line between two samples.</summary>
    private static double Interpolate(UsageSample s0, UsageSample s1, double t)
    {
        var fraction = (t - s0.OffsetSeconds) / (s1.OffsetSeconds - s0.OffsetSeconds);
        return (s0.MemoryBytes + (s1.MemoryBytes - s0.MemoryBytes) * fraction) / BytesPerGiB;
    }

    /// <summary>∫ max(request, m(t)) dt for m linear from <paramref name="m0"/> to <paramref name="m1"/> over <paramref name="dt"/>.</summary>
    internal static double MaxIntegral(double? request, double m0, double m1, double dt)
    {
        if (request is not { } r || (m0 >= r && m1 >= r)) return (m0 + m1) / 2 * dt;
        if (m0 <= r && m1 <= r) return r * dt;
        // The line crosses the request at fraction f: the request below it, the line above it.
        var f = (r - m0) / (m1 - m0);
        return m0 < r
            ? r * f * dt + (r + m1) / 2 * (1 - f) * dt
            : (m0 + r) / 2 * f * dt + r * (1 - f) * dt;
    }

    /// <summary>A series that does not cover the window (one sample, or none inside it): the window averages the sampler kept.</summary>
    private static InstanceAllocation FromAverages(ComponentUsage usage, double? cpuRequest, double? memoryRequest, UsageWindow window)
    {
        var hours = window.Hours;
        var cores = usage.CpuCoresAvg;
        var memory = usage.MemoryAvgBytes / BytesPerGiB;
        return new InstanceAllocation(
            usage.Component,
            usage.Replica,
            hours,
            cores * hours,
            Math.Max(cpuRequest ?? 0, cores) * hours,
            cpuRequest * hours,
            memory * hours,
            Math.Max(memoryRequest ?? 0, memory) * hours,
            memoryRequest * hours,
            usage.MemoryPeakBytes / BytesPerGiB,
            FromSeries: false);
    }
}
