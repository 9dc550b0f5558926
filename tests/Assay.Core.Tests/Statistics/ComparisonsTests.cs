using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class ComparisonsTests
{
    // Six trials; the candidate's own spread makes pairwise ratios run from about 0.978 to 1.019 at r = 1.
    private static readonly double[] Baseline = [1000, 1012, 991, 1005, 996, 1008];
    private static readonly double[] CandidateShape = [1003, 994, 1010, 999, 1006, 990];

    private static VariantTrials Variant(string name, params (string Kpi, double[] Values)[] kpis) =>
        new(name, kpis.ToDictionary(k => k.Kpi, k => (IReadOnlyList<double>)k.Values));

    private static double[] Scaled(double[] values, double factor) => [.. values.Select(v => v * factor)];

    private static Comparison CompareOne(KpiDefinition kpi, double[] baseline, double[] candidate, ComparisonPlan? plan = null) =>
        Assert.Single(Comparisons.Compute(
            [Variant("a", (kpi.Name, baseline)), Variant("b", (kpi.Name, candidate))], [kpi], plan ?? new ComparisonPlan()));

    [Fact]
    public void The_verdict_flips_from_equivalent_to_better_as_the_true_ratio_grows_past_the_margin()
    {
        var verdicts = Enumerable.Range(0, 25)
            .Select(step => CompareOne(KpiCatalog.Throughput, Baseline, Scaled(CandidateShape, 1 + step * 0.005)).Verdict)
            .ToList();
        Assert.Equal(ComparisonVerdict.Equivalent, verdicts[0]);
        Assert.Equal(ComparisonVerdict.Better, verdicts[^1]);
        // equivalent … inconclusive … better, never back.
        var order = verdicts.Select(v => v switch
        {
            ComparisonVerdict.Equivalent => 0,
            ComparisonVerdict.Inconclusive => 1,
            ComparisonVerdict.Better => 2,
            _ => throw new InvalidOperationException($"unexpected verdict {v}"),
        }).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Contains(ComparisonVerdict.Inconclusive, verdicts);
    }

    [Fact]
    public void For_a_lower_is_better_kpi_a_higher_ratio_is_worse()
    {
        Assert.Equal(ComparisonVerdict.Worse, CompareOne(KpiCatalog.LatencyP99Ms, Baseline, Scaled(CandidateShape, 1.12)).Verdict);
        Assert.Equal(ComparisonVerdict.Better, CompareOne(KpiCatalog.LatencyP99Ms, Baseline, Scaled(CandidateShape, 0.88)).Verdict);
        Assert.Equal(ComparisonVerdict.Worse, CompareOne(KpiCatalog.Throughput, Baseline, Scaled(CandidateShape, 0.88)).Verdict);
    }

    [Fact]
    public void A_comparison_carries_the_figures_of_its_raw_trial_values()
    {
        var candidate = Scaled(CandidateShape, 1.03);
        var comparison = CompareOne(KpiCatalog.Throughput, Baseline, candidate);
        var ratio = HodgesLehmann.Ratio(Baseline, candidate, 0.95);
        var equivalence = HodgesLehmann.Ratio(Baseline, candidate, 0.90);
        Assert.Equal(("a", "b", "throughput", 6, 6), (comparison.Baseline, comparison.Candidate, comparison.Kpi, comparison.BaselineTrials, comparison.CandidateTrials));
        Assert.Equal((ratio.Estimate, ratio.Low, ratio.High, ratio.Confidence), (comparison.Ratio, comparison.CiLow, comparison.CiHigh, comparison.Confidence));
        Assert.Equal(MannWhitney.Test(Baseline, candidate).PValue, comparison.PValue);
        Assert.Equal(comparison.PValue, comparison.PValueAdjusted);
        Assert.Equal((equivalence.Low, equivalence.High, equivalence.Confidence), (comparison.EquivalenceLow, comparison.EquivalenceHigh, comparison.EquivalenceConfidence));
        Assert.Equal((0.95, 0.05), (comparison.RequestedConfidence, comparison.Margin));
    }

    [Fact]
    public void Three_trials_cannot_give_a_95_percent_verdict_and_say_how_many_are_needed()
    {
        var comparison = CompareOne(KpiCatalog.Throughput, [1000, 1010, 990], [1500, 1510, 1490]);
        Assert.Equal(ComparisonVerdict.Inconclusive, comparison.Verdict);
        Assert.False(comparison.Judged);
        Assert.Contains("at most 90% confidence", comparison.Note);
        Assert.Contains("at least 4 trials", comparison.Note);
        Assert.Equal(0.9, comparison.Confidence!.Value, 1e-12);
        Assert.Null(comparison.PValueAdjusted);
        Assert.NotNull(comparison.Ratio);
    }

    [Fact]
    public void One_trial_each_gives_no_interval_at_all()
    {
        var comparison = CompareOne(KpiCatalog.Throughput, [1000], [1500]);
        Assert.Equal(ComparisonVerdict.Inconclusive, comparison.Verdict);
        Assert.False(comparison.Judged);
        Assert.Equal("1 and 1 trials give no interval at all; 95% needs at least 4 trials of each variant.", comparison.Note);
        Assert.Equal(1.5, comparison.Ratio);
    }

    [Fact]
    public void Holm_across_kpis_keeps_two_borderline_differences_from_becoming_verdicts()
    {
        // Four trials fully separated: p = 2/70 ≈ 0.029 each, alone a verdict, two of them adjusted to 0.057 > 0.05.
        double[] slow = [10, 10.2, 10.4, 10.6];
        double[] fast = [20, 20.2, 20.4, 20.6];
        var alone = CompareOne(KpiCatalog.LatencyP50Ms, slow, fast);
        Assert.Equal(ComparisonVerdict.Worse, alone.Verdict);

        var both = Comparisons.Compute(
            [Variant("a", ("latency_p50_ms", slow), ("latency_p99_ms", slow)), Variant("b", ("latency_p50_ms", fast), ("latency_p99_ms", fast))],
            KpiCatalog.All, new ComparisonPlan());
        Assert.Equal(2, both.Count);
        Assert.All(both, c =>
        {
            Assert.Equal(ComparisonVerdict.Inconclusive, c.Verdict);
            Assert.Equal(4.0 / 70, c.PValueAdjusted!.Value, 1e-12);
            Assert.Contains("Holm-adjusted", c.Note);
        });
    }

    [Fact]
    public void Many_comparisons_raise_the_confidence_equivalence_needs()
    {
        double[] baseline = [1000, 1004, 998, 1002];
        double[] candidate = [1001, 999, 1003, 997];
        var one = CompareOne(KpiCatalog.Throughput, baseline, candidate);
        Assert.Equal(ComparisonVerdict.Equivalent, one.Verdict);

        // Four comparisons: equivalence needs 1 − 2·0.05/4 = 97.5%, beyond four trials' 97.1%.
        var kpis = KpiCatalog.All.Take(4).ToList();
        var four = Comparisons.Compute(
            [Variant("a", [.. kpis.Select(k => (k.Name, baseline))]), Variant("b", [.. kpis.Select(k => (k.Name, candidate))])],
            kpis, new ComparisonPlan());
        Assert.All(four, c =>
        {
            Assert.Equal(ComparisonVerdict.Inconclusive, c.Verdict);
            Assert.Contains("97.5%", c.Note);
        });
    }

    [Fact]
    public void A_kpi_one_side_lacks_is_insufficient_and_one_both_lack_is_left_out()
    {
        var comparisons = Comparisons.Compute(
            [Variant("a", ("throughput", Baseline), ("latency_p50_ms", Baseline)), Variant("b", ("throughput", CandidateShape))],
            KpiCatalog.All, new ComparisonPlan());
        Assert.Equal(["throughput", "latency_p50_ms"], comparisons.Select(c => c.Kpi));
        var missing = comparisons[1];
        Assert.Equal(ComparisonVerdict.Inconclusive, missing.Verdict);
        Assert.False(missing.Judged);
        Assert.Null(missing.PValue);
        Assert.Null(missing.Ratio);
        Assert.Contains("No trial of b measured latency_p50_ms", missing.Note);
    }

    [Fact]
    public void Error_ratios_of_zero_give_no_ratio_and_stay_out_of_the_holm_family()
    {
        var comparisons = Comparisons.Compute(
            [Variant("a", ("throughput", Baseline), ("error_ratio", [0, 0, 0, 0, 0, 0])),
             Variant("b", ("throughput", CandidateShape), ("error_ratio", [0, 0, 0.001, 0, 0, 0]))],
            KpiCatalog.All, new ComparisonPlan());
        var errors = Assert.Single(comparisons, c => c.Kpi == "error_ratio");
        Assert.Equal(ComparisonVerdict.Inconclusive, errors.Verdict);
        Assert.False(errors.Judged);
        Assert.Null(errors.Ratio);
        Assert.Null(errors.PValueAdjusted);
        Assert.Equal(1, errors.PValue!.Value, 1e-12);
        Assert.Contains("Some trials of a measured error_ratio as 0", errors.Note);
        var throughput = Assert.Single(comparisons, c => c.Kpi == "throughput");
        Assert.Equal(throughput.PValue, throughput.PValueAdjusted);
    }

    [Fact]
    public void Error_ratios_of_zero_on_both_sides_say_there_is_nothing_to_compare()
    {
        var comparison = CompareOne(KpiCatalog.ErrorRatio, [0, 0, 0, 0], [0, 0, 0, 0]);
        Assert.Equal(ComparisonVerdict.Inconclusive, comparison.Verdict);
        Assert.False(comparison.Judged);
        Assert.Equal("Every trial of a and b measured error_ratio as 0: there is no ratio to estimate.", comparison.Note);
    }

    [Fact]
    public void Every_pair_in_variant_order_or_each_against_the_baseline()
    {
        VariantTrials[] variants = [Variant("a", ("throughput", Baseline)), Variant("b", ("throughput", CandidateShape)), Variant("c", ("throughput", Scaled(Baseline, 1.1)))];
        var pairs = Comparisons.Compute(variants, KpiCatalog.All, new ComparisonPlan());
        Assert.Equal([("a", "b"), ("a", "c"), ("b", "c")], pairs.Select(c => (c.Baseline, c.Candidate)));
        var againstB = Comparisons.Compute(variants, KpiCatalog.All, new ComparisonPlan(Baseline: "b"));
        Assert.Equal([("b", "a"), ("b", "c")], againstB.Select(c => (c.Baseline, c.Candidate)));
        Assert.Throws<ArgumentException>(() => Comparisons.Compute(variants, KpiCatalog.All, new ComparisonPlan(Baseline: "z")));
    }

    [Fact]
    public void Swapping_baseline_and_candidate_inverts_the_ratio_and_mirrors_the_verdict()
    {
        VariantTrials[] variants = [Variant("a", ("throughput", Baseline)), Variant("b", ("throughput", Scaled(CandidateShape, 1.12)))];
        var forward = Assert.Single(Comparisons.Compute(variants, KpiCatalog.All, new ComparisonPlan(Baseline: "a")));
        var backward = Assert.Single(Comparisons.Compute(variants, KpiCatalog.All, new ComparisonPlan(Baseline: "b")));
        Assert.Equal(1 / forward.Ratio!.Value, backward.Ratio!.Value, 1e-12);
        Assert.Equal(1 / forward.CiHigh!.Value, backward.CiLow!.Value, 1e-12);
        Assert.Equal(1 / forward.CiLow!.Value, backward.CiHigh!.Value, 1e-12);
        Assert.Equal(forward.PValue, backward.PValue);
        Assert.Equal((ComparisonVerdict.Better, ComparisonVerdict.Worse), (forward.Verdict, backward.Verdict));
    }

    [Fact]
    public void A_confidence_outside_zero_to_one_or_a_negative_margin_is_refused()
    {
        VariantTrials[] variants = [Variant("a", ("throughput", Baseline)), Variant("b", ("throughput", CandidateShape))];
        Assert.Throws<ArgumentOutOfRangeException>(() => Comparisons.Compute(variants, KpiCatalog.All, new ComparisonPlan(Confidence: 95)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Comparisons.Compute(variants, KpiCatalog.All, new ComparisonPlan(Margin: -0.05)));
    }
}
