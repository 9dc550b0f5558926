using Assay.Core.Results;

namespace Assay.Core.Statistics;

/// <summary>Which way a KPI improves.</summary>
public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>A key performance indicator: one number per trial that variants are compared on.</summary>
/// <param name="Name">lower_snake_case, the name hypotheses, comparisons and result.json use.</param>
public sealed record KpiDefinition(string Name, string Unit, KpiDirection Direction, string Description);

/// <summary>
/// The KPIs every run can compare: the vocabulary of <c>comparisons[].kpi</c>, <c>variants[].kpis</c> and
/// success criteria. All are non-negative per-trial values.
/// </summary>
public static class KpiCatalog
{
    public static KpiDefinition Throughput { get; } = new(
        "throughput", "ops/s", KpiDirection.HigherIsBetter,
        "Succeeded operations per second over the measured window (operations in the driver's unit: requests, transactions, messages).");

    public static KpiDefinition LatencyP50Ms { get; } = new(
        "latency_p50_ms", "ms", KpiDirection.LowerIsBetter, "Median latency of all operations in the measured window.");

    public static KpiDefinition LatencyP99Ms { get; } = new(
        "latency_p99_ms", "ms", KpiDirection.LowerIsBetter, "99th percentile latency of all operations in the measured window.");

    public static KpiDefinition ErrorRatio { get; } = new(
        "error_ratio", "ratio", KpiDirection.LowerIsBetter, "Failed operations ÷ all operations in the measured window (0 to 1).");

    public static KpiDefinition CostPerMillion { get; } = new(
        "cost_per_million", "USD/1M ops", KpiDirection.LowerIsBetter,
        "Allocated cost of the measured window per million operations on the priced node type (filled by cost attribution).");

    /// <summary>Every KPI, in the order reports list them.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } = [Throughput, LatencyP50Ms, LatencyP99Ms, ErrorRatio, CostPerMillion];

    /// <summary>The KPI of that name (ordinal, as written in files), or null.</summary>
    public static KpiDefinition? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The workload KPIs of one trial's measured window: throughput, p50 and p99 latency, error ratio.
    /// Cost per million is added by cost attribution.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ValuesOf(WorkloadSummary workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Throughput.Name] = workload.Throughput,
            [LatencyP50Ms.Name] = workload.LatencyMs.P50,
            [LatencyP99Ms.Name] = workload.LatencyMs.P99,
            [ErrorRatio.Name] = workload.ErrorRate,
        };
    }
}
