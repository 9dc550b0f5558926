using Assay.Core.Cost;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Core.Slo;
using Assay.Core.Statistics;

namespace Assay.Core.Analysis;

/// <summary>What the engine brought back for one variant: its plan and every trial's outcome, in trial order.</summary>
public sealed record VariantOutcomes(VariantPlan Plan, IReadOnlyList<TrialOutcome> Trials);

/// <summary>
/// One variant's evidence across its trials: each KPI's summary, the cost on the priced node (null when the
/// experiment prices nothing or no trial could be priced) and each SLO.
/// </summary>
/// <param name="Excluded">Trials left out of the KPIs, each with why (an error, an invalid measurement).</param>
public sealed record VariantEvidence(
    string Variant,
    IReadOnlyDictionary<string, KpiSummary> Kpis,
    CostResult? Cost,
    IReadOnlyList<SloOutcome> Slos,
    IReadOnlyList<string> Excluded);

/// <summary>Everything the analysis concludes about a run: per variant, between variants, and on the hypothesis.</summary>
public sealed record RunEvidence(
    IReadOnlyList<VariantEvidence> Variants,
    IReadOnlyList<Comparison> Comparisons,
    HypothesisResult? Hypothesis);
