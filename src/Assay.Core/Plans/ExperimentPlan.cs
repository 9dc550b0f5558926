using Assay.Core.Capacity;
using Assay.Core.Catalog;
using Assay.Core.Cost;
using Assay.Core.Slo;
using Assay.Core.Statistics;

namespace Assay.Core.Plans;

/// <summary>
/// An experiment resolved and ready to run: parameters substituted, defaults applied, catalog entries
/// looked up. Built by one resolver from what the user wrote; the engine runs nothing else.
/// </summary>
public sealed record ExperimentPlan(
    ExperimentInfo Info,
    IReadOnlyList<VariantPlan> Variants,
    int Trials,
    PlacementPlan Placement,
    IReadOnlyDictionary<string, string> Parameters,
    ExperimentSource Source)
{
    /// <summary>How variants are compared across trials (<c>comparison:</c>): confidence, margin δ, baseline.</summary>
    public ComparisonPlan Comparison { get; init; } = new();

    /// <summary>How the run is priced (<c>cost:</c>); null when the experiment prices nothing.</summary>
    public CostPlan? Cost { get; init; }

    /// <summary>The prices <see cref="Cost"/> resolved to from the price book; set whenever <see cref="Cost"/> is.</summary>
    public PricedNode? Pricing { get; init; }

    /// <summary>The SLOs every variant is evaluated against (<c>slos:</c>).</summary>
    public IReadOnlyList<SloPlan> Slos { get; init; } = [];

    /// <summary>The capacity search asked for (<c>workload.capacity</c>); null when none.</summary>
    public CapacityPlan? Capacity { get; init; }
}

/// <summary>What the experiment is about; stored with every run.</summary>
public sealed record ExperimentInfo(
    string Name,
    string Title,
    string? Description,
    IReadOnlyList<string> Tags,
    Hypothesis? Hypothesis);

/// <summary>The claim under test. Its criteria are parsed and stored; verdicts come from analysis.</summary>
public sealed record Hypothesis(
    string Claim,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Focus,
    IReadOnlyList<SuccessCriterion> SuccessCriteria);

/// <summary>
/// One machine-checkable criterion: <c>KPI operator value</c>, on one variant's KPI (median across trials) or,
/// with <paramref name="Baseline"/>, on the ratio <paramref name="Variant"/>/<paramref name="Baseline"/> of a
/// KPI (judged on the comparison's interval).
/// </summary>
/// <param name="Metric">A KPI name: throughput, error_ratio, latency_p99_ms, cost_per_million…</param>
/// <param name="Operator"><c>lt</c>, <c>lte</c>, <c>gt</c> or <c>gte</c>.</param>
/// <param name="Variant">The variant the KPI is read from (the candidate of a ratio); null: every variant must pass.</param>
public sealed record SuccessCriterion(
    string Metric, string Operator, double Value, string? Description, string? Variant = null, string? Baseline = null);

/// <summary>The file an experiment came from, kept verbatim so a run can show exactly what it ran.</summary>
public sealed record ExperimentSource(string Path, string Text);

/// <summary>
/// One candidate under comparison: a set of components deployed together, and the workload and
/// thresholds as they resolve with this variant's parameters (a variant may override experiment
/// parameters, e.g. the target, the cardinality level or persistence).
/// </summary>
/// <param name="Parameters">Every experiment parameter's value for this variant.</param>
public sealed record VariantPlan(
    string Name,
    IReadOnlyList<ComponentPlan> Components,
    WorkloadPlan Workload,
    IReadOnlyList<ThresholdPlan> Thresholds,
    IReadOnlyDictionary<string, string> Parameters);

/// <summary>A component of a variant: a catalog entry with its parameters, resources, replica count and links.</summary>
/// <param name="Links">The entry's link names mapped to components of the same variant started before this one
/// (e.g. a proxy's <c>upstream</c> → <c>web</c>); their addresses fill <c>${link.NAME.…}</c> placeholders.</param>
public sealed record ComponentPlan(
    string Name,
    CatalogEntry Entry,
    IReadOnlyDictionary<string, string> Parameters,
    ResourcePlan Resources,
    int Replicas,
    IReadOnlyDictionary<string, string> Links);

/// <summary>Limits for a component (null = unlimited) and the CPUs it may run on (null = any).</summary>
public sealed record ResourcePlan(double? Cpus, long? MemoryBytes, string? CpuSet)
{
    public static ResourcePlan Unlimited { get; } = new(null, null, null);
}

/// <summary>
/// Which CPUs the load generator and the components run on, as cpuset lists (<c>0</c>, <c>1-3</c>).
/// Null means unpinned. A component's own <see cref="ResourcePlan.CpuSet"/> wins over <see cref="Components"/>.
/// </summary>
public sealed record PlacementPlan(string? LoadGenerator, string? Components)
{
    public static PlacementPlan Unpinned { get; } = new(null, null);
}
