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

/// <summary>The highest open-model rate a variant sustained within its SLO, and the steps that found it.</summary>
public sealed record CapacityResult(string Slo, double Rate, IReadOnlyList<CapacityStep> Steps, double? CostPerMillion);

public sealed record CapacityStep(double Rate, bool Passed, double Sli, string? Note);
