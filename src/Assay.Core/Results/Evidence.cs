namespace Assay.Core.Results;

// The evidence a run's analysis adds to its result document (docs/result-schema.md, "Evidence"): KPIs across
// trials, cost, SLOs, comparisons between variants, the hypothesis verdict and the capacity found.

/// <summary>One KPI of a variant across its trials: the trials are the unit of analysis.</summary>
/// <param name="Cv">Coefficient of variation across trials (sample standard deviation / mean).</param>
/// <param name="HighVariation">True when <see cref="Cv"/> is above the threshold that makes comparisons shaky.</param>
/// <param name="Direction"><c>higher-is-better</c> or <c>lower-is-better</c>.</param>
public sealed record KpiResult(
    double Median,
    double Min,
    double Max,
    double Cv,
    IReadOnlyList<double> Trials,
    bool HighVariation,
    string Unit,
    string Direction);

/// <summary>What a variant cost on the priced node, and what it would cost at a target load.</summary>
/// <param name="Total">Cost of the measured window (median across trials), in dollars, by the chosen allocation.</param>
/// <param name="PerMillion">Dollars per million operations of the driver's <paramref name="Unit"/>.</param>
/// <param name="Assumption">The price used and where it comes from, for the report to print.</param>
public sealed record CostResult(
    string Node,
    string Market,
    string Allocation,
    double Total,
    double PerMillion,
    string Unit,
    IReadOnlyList<ComponentCost> Components,
    CostViews Views,
    CostProjection? Projection,
    string Assumption);

/// <param name="Efficiency">Usage ÷ request; null when no request was declared.</param>
public sealed record ComponentCost(string Name, double CpuCoreHours, double GibHours, double Cost, double? Efficiency);

/// <summary>Cost per million operations under the three views of REFERENCE §3.</summary>
public sealed record CostViews(double AllocatedPerMillion, double UsagePerMillion, double NodePerMillion);

/// <summary>A monthly projection: the whole nodes a target rate needs at the measured throughput per core.</summary>
public sealed record CostProjection(double Rate, int Nodes, double Monthly, string Assumptions);

/// <summary>An SLO over the run: its indicator, the error budget left, the burn rate, pass or fail.</summary>
/// <param name="Objective">In percent, e.g. 99.9.</param>
/// <param name="Sli">The fraction of good operations, 0–1.</param>
/// <param name="BudgetRemaining">1 − consumed; negative when the budget was overspent.</param>
public sealed record SloResult(
    string Name,
    string Kind,
    double Objective,
    double? ThresholdMs,
    double Sli,
    double BudgetRemaining,
    double BurnRate,
    bool Passed);

/// <summary>A candidate against a baseline on one KPI: ratio candidate/baseline with its distribution-free interval.</summary>
/// <param name="Verdict"><c>better</c>, <c>worse</c>, <c>equivalent</c> or <c>inconclusive</c>.</param>
/// <param name="Note">Why no stronger verdict was given (too few trials for the confidence, high variation…).</param>
public sealed record ComparisonResult(
    string Baseline,
    string Candidate,
    string Kpi,
    double Ratio,
    double CiLow,
    double CiHigh,
    double Confidence,
    double PValue,
    double PValueAdjusted,
    string Verdict,
    string? Note);

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

/// <summary>The highest open-model rate a variant sustained within its SLO, and the steps that found it.</summary>
public sealed record CapacityResult(string Slo, double Rate, IReadOnlyList<CapacityStep> Steps, double? CostPerMillion);

public sealed record CapacityStep(double Rate, bool Passed, double Sli, string? Note);
