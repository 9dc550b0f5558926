using Assay.Core.Results;
using Assay.Core.Statistics;

namespace Assay.Core.History;

/// <summary>One variant's KPI compared across two runs: the comparison of its trials in run B with its trials in run A.</summary>
/// <param name="MedianA">The median of the variant's trials in run A; null when A did not measure the KPI.</param>
/// <param name="MedianB">The median in run B; null when B did not measure it.</param>
/// <param name="Comparison">Run A as baseline, run B as candidate: the ratio is B ÷ A, the verdict is B's.</param>
public sealed record RunChange(string Variant, KpiDefinition Kpi, double? MedianA, double? MedianB, Comparison Comparison);

/// <summary>Two runs compared variant by variant, with the same statistics as variants within a run.</summary>
/// <param name="Variants">The variants present in both runs, in run B's order.</param>
/// <param name="OnlyInA">Variants of run A that run B does not have.</param>
/// <param name="OnlyInB">Variants of run B that run A does not have.</param>
public sealed record RunComparisonReport(
    string RunA,
    string RunB,
    ComparisonPlan Plan,
    IReadOnlyList<string> Variants,
    IReadOnlyList<string> OnlyInA,
    IReadOnlyList<string> OnlyInB,
    IReadOnlyList<RunChange> Changes)
{
    /// <summary>True when at least one change could be judged (enough trials on both sides).</summary>
    public bool AnyJudged => Changes.Any(c => c.Comparison.Judged);
}

/// <summary>
/// Compares run B with run A: each variant both have, each KPI, by <see cref="Comparisons.ComputePairs"/> with the
/// trials of each run as the samples (Hodges–Lehmann ratio B ÷ A, exact interval, Holm across every variant and KPI
/// compared, verdict against the margin). Pure.
/// </summary>
public static class RunComparer
{
    /// <summary>Run B (the candidate) against run A (the baseline); the plan's baseline is not used, its confidence and margin are (default 95%, ±5%).</summary>
    public static RunComparisonReport Compare(RunResult a, RunResult b, ComparisonPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        plan ??= new ComparisonPlan();
        var namesA = a.Variants.Select(v => v.Name).ToList();
        var shared = b.Variants.Select(v => v.Name).Where(namesA.Contains).ToList();
        var pairs = shared
            .Select(name => (Baseline: Trials(a, name), Candidate: Trials(b, name)))
            .ToList();
        var byLabel = shared.ToDictionary(name => Label(b, name), name => name, StringComparer.Ordinal);
        var changes = Comparisons.ComputePairs(pairs, KpiCatalog.All, plan)
            .Select(c =>
            {
                var variant = byLabel[c.Candidate];
                var kpi = KpiCatalog.Find(c.Kpi)!;
                return new RunChange(variant, kpi, MedianOf(a, variant, c.Kpi), MedianOf(b, variant, c.Kpi), c);
            })
            .ToList();
        return new RunComparisonReport(
            a.RunId, b.RunId, plan, shared,
            [.. namesA.Where(n => !shared.Contains(n))],
            [.. b.Variants.Select(v => v.Name).Where(n => !shared.Contains(n))],
            changes);
    }

    // Labels name the run so that notes such as "No trial of nginx in 20261127-… measured …" say which side.
    private static string Label(RunResult run, string variant) => $"{variant} in {run.RunId}";

    private static VariantTrials Trials(RunResult run, string variant) =>
        new(Label(run, variant), KpiSamples.Of(run.Variants.First(v => v.Name == variant)));

    private static double? MedianOf(RunResult run, string variant, string kpi) =>
        KpiSamples.Of(run, variant, kpi) is { Count: > 0 } values ? Median.Of(values) : null;
}
