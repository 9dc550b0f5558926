using Assay.Core.Cost;
using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Core.Tests.Cost;

/// <summary>Hand-made series and prices whose every cost can be worked out on paper (the sums are in the tests).</summary>
internal static class CostSamples
{
    public const long GiB = 1L << 30;

    /// <summary>$0.036 a core-hour and $0.0036 a GiB-hour: a 2 vCPU, 4 GiB node is $0.0864/h.</summary>
    public static PricedNode Custom(double? vcpus = 2, double? memoryGiB = 4) =>
        NodePricing.Resolve(PriceBook.Empty, new CostPlan(CostPlan.CustomNode, Custom: new CustomPrice(0.036, 0.0036, vcpus, memoryGiB))).Node!;

    /// <summary>
    /// Samples every 10 s from 0 to 40 s. CPU seconds 0, 2, 10, 13, 23: rates 0.2, 0.8, 0.3, 1.0 cores.
    /// Working set 0.5, 0.5, 1.5, 1.5, 0.5 GiB.
    /// </summary>
    public static ComponentUsage Stepped(string component = "db", int replica = 0) => Usage(component, replica,
        (0, 0, 0.5), (10, 2, 0.5), (20, 10, 1.5), (30, 13, 1.5), (40, 23, 0.5));

    /// <summary>A constant load over one hour, sampled at 0, 30 and 60 minutes.</summary>
    public static ComponentUsage Steady(string component, double cores, double memoryGiB, int replica = 0) => Usage(component, replica,
        (0, 0, memoryGiB), (1800, cores * 1800, memoryGiB), (3600, cores * 3600, memoryGiB));

    public static ComponentUsage Usage(string component, int replica, params (double At, double CpuSeconds, double MemoryGiB)[] samples)
    {
        var series = samples.Select(s => new UsageSample(s.At, s.CpuSeconds, (long)(s.MemoryGiB * GiB))).ToList();
        var last = series[^1];
        var first = series[0];
        var seconds = last.OffsetSeconds - first.OffsetSeconds;
        return new ComponentUsage(component, replica, last.CpuSeconds - first.CpuSeconds, (last.CpuSeconds - first.CpuSeconds) / seconds,
            series.Max(s => s.MemoryBytes), (long)series.Average(s => s.MemoryBytes), series);
    }

    public static ResourcePlan Request(double? cpus, double? memoryGiB) =>
        new(cpus, memoryGiB is { } gib ? (long)(gib * GiB) : null, null);

    /// <summary>
    /// Two components over one hour at 1000 requests/s (3.6 M requests): "web" uses 0.5 cores and 1.5 GiB with no
    /// request; "cache" uses 0.25 cores and 0.5 GiB and requests 0.5 cores and 1 GiB.
    /// </summary>
    public static TrialCostInput TwoComponents(double? ingestedBytes = null) => new(
        [Steady("web", 0.5, 1.5), Steady("cache", 0.25, 0.5)],
        new Dictionary<string, ResourcePlan> { ["web"] = ResourcePlan.Unlimited, ["cache"] = Request(0.5, 1) },
        new UsageWindow(0, 3600),
        "requests",
        3_600_000,
        1000,
        ingestedBytes);
}
