using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class VerdictRuleTests
{
    // Five trials each: a 95% request achieves 96.8%, the 90% equivalence interval 90.5%.
    private static HodgesLehmannEstimate Interval(double low, double high, double requested = 0.95, double achieved = 0.968, int trials = 5) =>
        new(Math.Sqrt(low * high), low, high, achieved, requested, trials, trials, Exact: true);

    private static ComparisonVerdict Verdict(KpiDirection direction, HodgesLehmannEstimate decision, HodgesLehmannEstimate equivalence, double adjustedP = 0.01) =>
        VerdictRule.Decide(direction, 0.05, decision, equivalence, adjustedP).Verdict;

    [Theory]
    [InlineData(1.06, 1.20, KpiDirection.HigherIsBetter, ComparisonVerdict.Better)]
    [InlineData(1.06, 1.20, KpiDirection.LowerIsBetter, ComparisonVerdict.Worse)]
    [InlineData(0.80, 0.94, KpiDirection.HigherIsBetter, ComparisonVerdict.Worse)]
    [InlineData(0.80, 0.94, KpiDirection.LowerIsBetter, ComparisonVerdict.Better)]
    // Touching the margin is not beyond it.
    [InlineData(1.05, 1.20, KpiDirection.HigherIsBetter, ComparisonVerdict.Inconclusive)]
    public void Beyond_the_margin_decides_by_direction(double low, double high, KpiDirection direction, ComparisonVerdict expected) =>
        Assert.Equal(expected, Verdict(direction, Interval(low, high), Interval(low + 0.01, high - 0.01, 0.90, 0.905)));

    [Fact]
    public void A_difference_beyond_the_margin_needs_the_holm_adjusted_p_value_too()
    {
        var decision = Interval(1.10, 1.30);
        var equivalence = Interval(1.12, 1.25, 0.90, 0.905);
        Assert.Equal(ComparisonVerdict.Better, Verdict(KpiDirection.HigherIsBetter, decision, equivalence, adjustedP: 0.05));
        var held = VerdictRule.Decide(KpiDirection.HigherIsBetter, 0.05, decision, equivalence, adjustedPValue: 0.0501);
        Assert.Equal(ComparisonVerdict.Inconclusive, held.Verdict);
        Assert.Contains("Holm-adjusted p = 0.0501 exceeds 0.05", held.Note);
    }

    [Fact]
    public void Equivalence_is_judged_on_its_own_interval_within_both_margins()
    {
        var wide = Interval(0.96, 1.04);
        Assert.Equal(ComparisonVerdict.Equivalent, Verdict(KpiDirection.HigherIsBetter, wide, Interval(0.97, 1.03, 0.90, 0.905)));
        // 1/(1.05) = 0.95238…: 0.9524 is inside, 0.95 is not.
        Assert.Equal(ComparisonVerdict.Equivalent, Verdict(KpiDirection.HigherIsBetter, wide, Interval(0.9524, 1.05, 0.90, 0.905)));
        Assert.Equal(ComparisonVerdict.Inconclusive, Verdict(KpiDirection.HigherIsBetter, wide, Interval(0.95, 1.03, 0.90, 0.905)));
        Assert.Equal(ComparisonVerdict.Inconclusive, Verdict(KpiDirection.HigherIsBetter, Interval(0.99, 1.08), Interval(1.0, 1.06, 0.90, 0.905)));
    }

    [Fact]
    public void An_unreachable_confidence_is_insufficient_whatever_the_interval_shows()
    {
        var decision = VerdictRule.Decide(KpiDirection.HigherIsBetter, 0.05, Interval(1.5, 2.0, achieved: 0.9, trials: 3), Interval(1.5, 2.0, 0.9, 0.9, 3), 0.01);
        Assert.Equal(ComparisonVerdict.Inconclusive, decision.Verdict);
        Assert.Equal("3 and 3 trials reach at most 90% confidence; 95% needs at least 4 trials of each variant.", decision.Note);
    }

    [Fact]
    public void An_unreachable_equivalence_confidence_cannot_show_equivalence()
    {
        var decision = VerdictRule.Decide(KpiDirection.HigherIsBetter, 0.05, Interval(0.99, 1.01), Interval(0.99, 1.01, 0.99, 0.984), 0.5);
        Assert.Equal(ComparisonVerdict.Inconclusive, decision.Verdict);
        Assert.Contains("equivalence needs a 99% interval", decision.Note);
    }
}
