using System.Globalization;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Core.Statistics;

namespace Assay.Core.Analysis;

/// <summary>
/// Judges a hypothesis criterion by criterion. A KPI criterion is judged on the variant's trials: it passes when
/// every trial is on the passing side (the value shown is the median, the interval the trials' range). A ratio
/// criterion is judged on the comparison's distribution-free interval: it passes only when the whole interval is
/// on the passing side. The verdict is <c>validated</c> when every criterion passed, <c>invalidated</c> when one
/// failed, and <c>insufficient</c> otherwise (a KPI missing, too few trials for the interval, no criteria).
/// </summary>
public static class HypothesisJudge
{
    public const string Validated = "validated";
    public const string Invalidated = "invalidated";
    public const string Insufficient = "insufficient";

    public static HypothesisResult Judge(
        Hypothesis hypothesis,
        IReadOnlyList<VariantEvidence> variants,
        IReadOnlyList<Comparison> comparisons,
        IReadOnlyList<VariantTrials> trials,
        ComparisonPlan comparisonPlan)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(comparisonPlan);
        var criteria = hypothesis.SuccessCriteria
            .Select(c => c.Baseline is null
                ? OnKpi(c, variants)
                : OnRatio(c, comparisons, trials, comparisonPlan))
            .ToList();
        var verdict = criteria.Count == 0 ? Insufficient
            : criteria.Any(c => c.Passed == false) ? Invalidated
            : criteria.Any(c => c.Passed is null) ? Insufficient
            : Validated;
        return new HypothesisResult(hypothesis.Claim, hypothesis.Questions, hypothesis.Focus, verdict, criteria);
    }

    private static CriterionResult OnKpi(SuccessCriterion criterion, IReadOnlyList<VariantEvidence> variants)
    {
        if (criterion.Variant is null && variants.Count > 1) return OnEveryVariant(criterion, variants);
        var description = Describe(criterion);
        var variant = criterion.Variant is null
            ? variants.Count == 1 ? variants[0] : null
            : variants.FirstOrDefault(v => v.Variant == criterion.Variant);
        if (variant is null)
            return new CriterionResult(description, null, null, null, null, $"variant '{criterion.Variant ?? "default"}' measured nothing");
        if (!variant.Kpis.TryGetValue(criterion.Metric, out var kpi))
            return new CriterionResult(description, null, null, null, null, $"{variant.Variant} has no value of {criterion.Metric}");

        var allPass = kpi.Trials.All(v => Holds(v, criterion));
        var medianPasses = Holds(kpi.Median, criterion);
        string? why = allPass ? null
            : medianPasses ? string.Create(CultureInfo.InvariantCulture, $"the median passes but {kpi.Trials.Count(v => !Holds(v, criterion))} of {kpi.Trials.Count} trials do not")
            : "the median is on the failing side";
        return new CriterionResult(description, kpi.Median, kpi.Min, kpi.Max, allPass, why);
    }

    /// <summary>
    /// A criterion without a variant in a run of several holds for every variant: the value shown is the worst
    /// variant's median, the interval the range of every trial, and it passes only when every variant passes.
    /// </summary>
    private static CriterionResult OnEveryVariant(SuccessCriterion criterion, IReadOnlyList<VariantEvidence> variants)
    {
        var each = variants
            .Select(v => (v.Variant, Result: OnKpi(criterion with { Variant = v.Variant }, [v]), Kpi: v.Kpis.GetValueOrDefault(criterion.Metric)))
            .ToList();
        var measured = each.Where(e => e.Kpi is not null).Select(e => e.Kpi!).ToList();
        var lowerIsBetter = criterion.Operator is "lt" or "lte";
        double? worst = measured.Count == 0 ? null : lowerIsBetter ? measured.Max(k => k.Median) : measured.Min(k => k.Median);
        double? low = measured.Count == 0 ? null : measured.Min(k => k.Min);
        double? high = measured.Count == 0 ? null : measured.Max(k => k.Max);
        var failing = each.Where(e => e.Result.Passed == false).Select(e => e.Variant).ToList();
        var unjudged = each.Where(e => e.Result.Passed is null).Select(e => e.Variant).ToList();
        bool? passed = failing.Count > 0 ? false : unjudged.Count > 0 ? null : true;
        var note = failing.Count > 0 ? $"fails for {string.Join(", ", failing)}"
            : unjudged.Count > 0 ? $"not measured by {string.Join(", ", unjudged)}"
            : null;
        return new CriterionResult(Describe(criterion), worst, low, high, passed, note);
    }

    private static CriterionResult OnRatio(
        SuccessCriterion criterion, IReadOnlyList<Comparison> comparisons, IReadOnlyList<VariantTrials> trials, ComparisonPlan plan)
    {
        var description = Describe(criterion);
        var candidate = criterion.Variant;
        var comparison = comparisons.FirstOrDefault(c => c.Baseline == criterion.Baseline && c.Candidate == candidate && c.Kpi == criterion.Metric);
        if (comparison is null)
        {
            // The run compared other pairs (a declared baseline): compare this pair on its own.
            var pair = trials.Where(t => t.Variant == criterion.Baseline || t.Variant == candidate).ToList();
            var kpi = KpiCatalog.Find(criterion.Metric);
            if (pair.Count == 2 && kpi is not null)
                comparison = Comparisons.Compute(pair, [kpi], plan with { Baseline = criterion.Baseline }) is [var only, ..] ? only : null;
        }
        if (comparison is null)
            return new CriterionResult(description, null, null, null, null, $"no trials of both {candidate} and {criterion.Baseline} measured {criterion.Metric}");
        if (comparison.Ratio is not { } ratio || comparison.CiLow is not { } low || comparison.CiHigh is not { } high
            || !comparison.Judged)
            return new CriterionResult(description, comparison.Ratio, comparison.CiLow, comparison.CiHigh, null, comparison.Note);

        var lowPasses = Holds(low, criterion);
        var highPasses = Holds(high, criterion);
        var note = lowPasses && highPasses ? null
            : !lowPasses && !highPasses ? "the whole interval is on the failing side"
            : string.Create(CultureInfo.InvariantCulture, $"not shown: the interval [{low:0.###}, {high:0.###}] reaches past {criterion.Value:0.###}");
        return new CriterionResult(description, ratio, low, high, lowPasses && highPasses, note);
    }

    private static bool Holds(double value, SuccessCriterion criterion) => criterion.Operator switch
    {
        "lt" => value < criterion.Value,
        "lte" => value <= criterion.Value,
        "gt" => value > criterion.Value,
        "gte" => value >= criterion.Value,
        _ => throw new ArgumentException($"Unknown operator '{criterion.Operator}'; the resolver admits lt, lte, gt and gte.", nameof(criterion)),
    };

    private static string Describe(SuccessCriterion criterion)
    {
        if (criterion.Description is { } description) return description;
        var symbol = criterion.Operator switch { "lt" => "<", "lte" => "<=", "gt" => ">", "gte" => ">=", _ => criterion.Operator };
        var subject = criterion.Baseline is null
            ? criterion.Variant is null ? criterion.Metric : $"{criterion.Variant} {criterion.Metric}"
            : $"ratio({criterion.Variant}/{criterion.Baseline}, {criterion.Metric})";
        return string.Create(CultureInfo.InvariantCulture, $"{subject} {symbol} {criterion.Value}");
    }
}
