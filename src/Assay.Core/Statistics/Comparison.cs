namespace Assay.Core.Statistics;

/// <summary>What a comparison of a candidate with a baseline on one KPI concludes, from the candidate's side.</summary>
public enum ComparisonVerdict
{
    /// <summary>The candidate is better by more than the margin, and the difference survives Holm's correction.</summary>
    Better,

    /// <summary>The candidate is worse by more than the margin, and the difference survives Holm's correction.</summary>
    Worse,

    /// <summary>The candidate is within the margin of the baseline on both sides.</summary>
    Equivalent,

    /// <summary>
    /// The trials allow none of the above: the interval straddles a margin, the difference did not survive Holm's
    /// correction, or (with <see cref="Comparison.Judged"/> false) they could not be judged at all.
    /// </summary>
    Inconclusive,

}

/// <summary>
/// A candidate compared with a baseline on one KPI across trials: Hodges–Lehmann ratio candidate ÷ baseline
/// with its exact distribution-free interval, the two-sided Mann–Whitney p-value, its Holm adjustment over
/// all comparisons of the run, and the verdict against the margin (see <see cref="VerdictRule"/>).
/// </summary>
/// <param name="Ratio">Median of the pairwise ratios candidate ÷ baseline; null when no ratio can be formed (a KPI missing, a value of 0).</param>
/// <param name="CiLow">Lower bound of the ratio's interval at <see cref="Confidence"/>.</param>
/// <param name="CiHigh">Upper bound of the ratio's interval at <see cref="Confidence"/>.</param>
/// <param name="Confidence">The confidence the interval achieves (the exact distribution is discrete): at least <see cref="RequestedConfidence"/>, or less when the trials cannot reach it and the verdict is insufficient.</param>
/// <param name="PValue">Two-sided Mann–Whitney p-value; null when a KPI is missing.</param>
/// <param name="PValueAdjusted">Holm-adjusted over the comparisons that could reach a verdict; null for the others.</param>
/// <param name="Margin">δ: differences within a factor of 1 + δ count as equivalent.</param>
/// <param name="EquivalenceLow">Lower bound of the interval equivalence is judged on (at <see cref="EquivalenceConfidence"/>).</param>
/// <param name="EquivalenceHigh">Upper bound of that interval.</param>
/// <param name="EquivalenceConfidence">The confidence that interval achieves, at least the 1 − 2(1 − c)/K asked for K comparisons at confidence c (90% for one comparison at 95%).</param>
/// <param name="Note">Why the verdict is what it is, in one sentence for the report.</param>
public sealed record Comparison(
    string Baseline,
    string Candidate,
    string Kpi,
    int BaselineTrials,
    int CandidateTrials,
    double? Ratio,
    double? CiLow,
    double? CiHigh,
    double? Confidence,
    double RequestedConfidence,
    double? PValue,
    double? PValueAdjusted,
    double Margin,
    double? EquivalenceLow,
    double? EquivalenceHigh,
    double? EquivalenceConfidence,
    ComparisonVerdict Verdict,
    string Note)
{
    /// <summary>
    /// False when the trials could not be judged at all: too few for the requested confidence (REFERENCE §5), a KPI
    /// missing on one side, or values no ratio can be formed from. The verdict is then inconclusive and
    /// <see cref="Note"/> says why instead of giving one.
    /// </summary>
    public bool Judged { get; init; } = true;
}

/// <summary>How a run compares its variants: resolved from the experiment's spec.</summary>
/// <param name="Confidence">Requested two-sided confidence of the intervals, e.g. 0.95.</param>
/// <param name="Margin">δ, e.g. 0.05 for ±5%.</param>
/// <param name="Baseline">Compare every other variant with this one; null compares every pair (earlier variant as baseline).</param>
public sealed record ComparisonPlan(double Confidence = 0.95, double Margin = 0.05, string? Baseline = null);

/// <summary>One variant's trial values per KPI name, each list in trial order.</summary>
public sealed record VariantTrials(string Variant, IReadOnlyDictionary<string, IReadOnlyList<double>> Kpis);
