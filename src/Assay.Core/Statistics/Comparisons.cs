namespace Assay.Core.Statistics;

/// <summary>
/// Compares the variants of a run KPI by KPI: every pair (the earlier variant as baseline) or each variant
/// against the declared baseline. Holm's correction and the equivalence level span all comparisons of the
/// run, so adding KPIs or variants cannot manufacture verdicts. Pure.
/// </summary>
public static class Comparisons
{
    /// <summary>
    /// All comparisons of the run, pairs in variant order, KPIs in the order given. A KPI no variant of a pair
    /// measured is left out; one only one side measured gives an insufficient comparison.
    /// </summary>
    /// <remarks>
    /// The Holm family (and K of the equivalence level) is the comparisons that can reach a verdict: both sides
    /// measured, positive values, enough trials for the requested confidence. Which comparisons those are
    /// depends on trial counts and missing values only, never on the p-values, so leaving the others out does
    /// not bias the correction.
    /// </remarks>
    public static IReadOnlyList<Comparison> Compute(IReadOnlyList<VariantTrials> variants, IReadOnlyList<KpiDefinition> kpis, ComparisonPlan plan)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(plan);
        return ComputePairs([.. Pairs(variants, plan.Baseline)], kpis, plan);
    }

    /// <summary>
    /// Comparisons of the pairs given (baseline first), KPIs in the order given, with Holm's correction and the
    /// equivalence level over all of them: for pairs that are not variants of one run, such as the same variant
    /// in two runs. <see cref="ComparisonPlan.Baseline"/> is not used.
    /// </summary>
    public static IReadOnlyList<Comparison> ComputePairs(
        IReadOnlyList<(VariantTrials Baseline, VariantTrials Candidate)> pairs, IReadOnlyList<KpiDefinition> kpis, ComparisonPlan plan)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(plan);
        MannWhitney.CheckConfidence(plan.Confidence);
        if (!(plan.Margin >= 0 && double.IsFinite(plan.Margin)))
            throw new ArgumentOutOfRangeException(nameof(plan), plan.Margin, "The margin δ is a fraction ≥ 0, e.g. 0.05 for ±5%.");

        var drafts = pairs
            .SelectMany(pair => kpis.Select(kpi => Draft(pair.Baseline, pair.Candidate, kpi, plan)))
            .Where(d => d is not null)
            .Select(d => d!)
            .ToList();
        var eligible = Enumerable.Range(0, drafts.Count).Where(i => drafts[i].Eligible).ToList();
        var adjusted = Holm.Adjust([.. eligible.Select(i => drafts[i].Test!.PValue)]);
        var adjustedAt = new double?[drafts.Count];
        for (var e = 0; e < eligible.Count; e++) adjustedAt[eligible[e]] = adjusted[e];
        var equivalenceConfidence = 1 - 2 * (1 - plan.Confidence) / Math.Max(1, eligible.Count);

        return [.. drafts.Select((d, i) => adjustedAt[i] is { } p
            ? Decide(d, p, equivalenceConfidence, plan)
            : Undecided(d, plan))];
    }

    private sealed record Pending(
        string Baseline,
        string Candidate,
        KpiDefinition Kpi,
        IReadOnlyList<double> BaselineValues,
        IReadOnlyList<double> CandidateValues,
        MannWhitneyResult? Test,
        HodgesLehmannEstimate? Ratio,
        string? Problem)
    {
        public bool Eligible => Problem is null && Ratio is { ReachesRequested: true };
    }

    private static IEnumerable<(VariantTrials Baseline, VariantTrials Candidate)> Pairs(IReadOnlyList<VariantTrials> variants, string? baseline)
    {
        if (baseline is null)
        {
            for (var i = 0; i < variants.Count; i++)
                for (var j = i + 1; j < variants.Count; j++)
                    yield return (variants[i], variants[j]);
            yield break;
        }
        var reference = variants.FirstOrDefault(v => v.Variant == baseline)
            ?? throw new ArgumentException($"The baseline '{baseline}' is not one of the variants ({string.Join(", ", variants.Select(v => v.Variant))}).", nameof(baseline));
        foreach (var variant in variants.Where(v => v.Variant != baseline))
            yield return (reference, variant);
    }

    private static Pending? Draft(VariantTrials baseline, VariantTrials candidate, KpiDefinition kpi, ComparisonPlan plan)
    {
        var x = baseline.Kpis.GetValueOrDefault(kpi.Name) ?? [];
        var y = candidate.Kpis.GetValueOrDefault(kpi.Name) ?? [];
        if (x.Count == 0 && y.Count == 0) return null;
        if (x.Count == 0 || y.Count == 0)
        {
            var missing = x.Count == 0 ? baseline.Variant : candidate.Variant;
            return new(baseline.Variant, candidate.Variant, kpi, x, y, null, null, $"No trial of {missing} measured {kpi.Name}.");
        }

        var test = MannWhitney.Test(x, y);
        if (x.Any(v => v <= 0) || y.Any(v => v <= 0))
            return new(baseline.Variant, candidate.Variant, kpi, x, y, test, null, NoRatio(baseline, candidate, kpi, x, y));

        var ratio = HodgesLehmann.Ratio(x, y, plan.Confidence);
        var problem = ratio.ReachesRequested ? null : VerdictRule.Insufficient(x.Count, y.Count, plan.Confidence);
        return new(baseline.Variant, candidate.Variant, kpi, x, y, test, ratio, problem);
    }

    private static Comparison Decide(Pending draft, double adjustedPValue, double equivalenceConfidence, ComparisonPlan plan)
    {
        var ratio = draft.Ratio!;
        var equivalence = HodgesLehmann.Ratio(draft.BaselineValues, draft.CandidateValues, equivalenceConfidence);
        var decision = VerdictRule.Decide(draft.Kpi.Direction, plan.Margin, ratio, equivalence, adjustedPValue);
        return new Comparison(
            draft.Baseline, draft.Candidate, draft.Kpi.Name, draft.BaselineValues.Count, draft.CandidateValues.Count,
            ratio.Estimate, ratio.Low, ratio.High, ratio.Confidence, plan.Confidence,
            draft.Test!.PValue, adjustedPValue, plan.Margin,
            equivalence.Low, equivalence.High, equivalence.Confidence,
            decision.Verdict, decision.Note + MethodNote(draft.Test));
    }

    // Too few trials for the confidence still have a ratio and the widest interval they allow, at the confidence it reaches.
    private static Comparison Undecided(Pending draft, ComparisonPlan plan) => new(
        draft.Baseline, draft.Candidate, draft.Kpi.Name, draft.BaselineValues.Count, draft.CandidateValues.Count,
        draft.Ratio?.Estimate, draft.Ratio?.Low, draft.Ratio?.High, draft.Ratio?.Confidence, plan.Confidence,
        draft.Test?.PValue, null, plan.Margin,
        null, null, null,
        ComparisonVerdict.Inconclusive, draft.Problem!)
    {
        Judged = false,
    };

    private static string MethodNote(MannWhitneyResult? test) => test?.Method switch
    {
        MannWhitneyMethod.ExactWithTies => " Tied trial values: the p-value is exact given the ties.",
        MannWhitneyMethod.NormalApproximation => " Many trials: p-value and interval from the normal approximation.",
        _ => "",
    };

    private static string NoRatio(VariantTrials baseline, VariantTrials candidate, KpiDefinition kpi, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.All(v => v == 0) && y.All(v => v == 0))
            return $"Every trial of {baseline.Variant} and {candidate.Variant} measured {kpi.Name} as 0: there is no ratio to estimate.";
        var zeroSide = x.Any(v => v <= 0) ? baseline.Variant : candidate.Variant;
        return $"Some trials of {zeroSide} measured {kpi.Name} as 0, so no ratio can be formed.";
    }
}
