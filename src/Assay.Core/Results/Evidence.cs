namespace Assay.Core.Results;

// The evidence a run's analysis adds to its result document (docs/result-schema.md, "Evidence"), beside the KPIs
// (Statistics.KpiSummary), cost (Cost.CostResult), SLOs (Slo.SloOutcome) and comparisons (Statistics.Comparison):
// the hypothesis verdict and the capacity found.

/// <summary>The hypothesis judged: <c>validated</c>, <c>invalidated</c> or <c>insufficient</c>, criterion by criterion.</summary>
public sealed record HypothesisResult(
    string Claim,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Focus,
    string Verdict,
    IReadOnlyList<CriterionResult> Criteria);

/// <summary>One success criterion and what it was judged on.</summary>
/// <param name="Passed">Null when it could not be judged (a KPI missing, too few trials).</param>
public sealed record CriterionResult(string Description, double? Value, double? CiLow, double? CiHigh, bool? Passed, string? Note);

/// <summary>
/// The highest open-model rate a variant sustained within its SLO (<c>workload.capacity</c>), and the steps that
/// found it, in the order they ran.
/// </summary>
/// <param name="Slo">The SLO the steps were judged against.</param>
/// <param name="Rate">The highest rate that passed, operations per second; 0 when even the start rate failed.</param>
/// <param name="CostPerMillion">Cost per million operations of the step at <paramref name="Rate"/>; null when the
/// experiment prices nothing or no step passed.</param>
public sealed record CapacityResult(string Slo, double Rate, IReadOnlyList<CapacityStep> Steps, double? CostPerMillion)
{
    /// <summary>The lowest rate that failed, the top of the bracket; null when none did.</summary>
    public double? FailedRate { get; init; }

    /// <summary>
    /// Why <see cref="Rate"/> is a bound rather than a rate found within the precision: even start failed, max
    /// passed, the search was cancelled or reached its step limit. Null when the search ended as asked.
    /// </summary>
    public string? Note { get; init; }
}

/// <summary>One step of a capacity search: a short measured run at one open-model rate on fresh components.</summary>
/// <param name="Passed">The run had no error, its measurement is valid and the SLO was met.</param>
/// <param name="Sli">The SLO's indicator over the step's window, in percent; null when nothing was measured.</param>
/// <param name="Note">Why the step failed when the SLI alone does not say (an error, a generator that fell behind).</param>
public sealed record CapacityStep(double Rate, bool Passed, double? Sli, string? Note)
{
    /// <summary>Succeeded operations per second in the step's window; null when nothing was measured.</summary>
    public double? Throughput { get; init; }

    /// <summary>The 99th percentile latency in the step's window, in milliseconds; null when nothing was measured.</summary>
    public double? LatencyP99Ms { get; init; }

    /// <summary>False when the load generator fell behind its schedule, so the step measured the generator.</summary>
    public bool Valid { get; init; } = true;
}
