using Assay.Core.Statistics;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests.Evidence;

/// <summary><c>spec.comparison</c>: baseline, margin and confidence, as fractions or percentages, with their defaults.</summary>
public class ComparisonSpecTests
{
    private const string Written = "comparison: {baseline: slow, margin: 10%, confidence: 0.9}";

    [Fact]
    public void Baseline_margin_and_confidence_resolve_into_the_plan()
    {
        var plan = Plan(EvidenceFixture.Yaml);
        Assert.Equal(new ComparisonPlan(Confidence: 0.9, Margin: 0.1, Baseline: "slow"), plan.Comparison);
    }

    [Theory]
    [InlineData("comparison: {}")]
    [InlineData("comparison: {margin: 5%, confidence: 95%}")]
    [InlineData("comparison: {margin: 0.05, confidence: 0.95}")]
    public void Unset_fields_take_the_defaults_and_both_spellings_mean_the_same(string comparison)
    {
        var plan = Plan(EvidenceFixture.With(Written, comparison));
        Assert.Equal(new ComparisonPlan(0.95, 0.05, null), plan.Comparison);
    }

    [Fact]
    public void Without_a_comparison_every_pair_is_compared_at_95_percent_within_5_percent()
    {
        var plan = Plan(Minimal);
        Assert.Equal(new ComparisonPlan(0.95, 0.05, null), plan.Comparison);
    }

    [Fact]
    public void A_baseline_that_is_no_variant_suggests_the_close_one()
    {
        var error = Error(Load(EvidenceFixture.With("baseline: slow, margin", "baseline: slwo, margin")), "spec.comparison.baseline", "no variant named 'slwo'");
        Assert.Equal("did you mean 'slow'?", error.Hint);
        At(error, 25, 26);
    }

    [Theory]
    [InlineData("confidence: 0.9}", "confidence: 95}", "spec.comparison.confidence", "must be above 0% and below 100%, got 95", "a fraction is below 1: write 95% or 0.95")]
    [InlineData("margin: 10%", "margin: 150%", "spec.comparison.margin", "must be above 0% and below 100%, got 150%", "e.g. margin: 5%")]
    [InlineData("margin: 10%", "margin: 0", "spec.comparison.margin", "must be above 0% and below 100%, got 0", "e.g. margin: 5%")]
    [InlineData("margin: 10%", "margin: wide", "spec.comparison.margin", "expected a fraction or a percentage, got 'wide'", "write 5% or 0.05; e.g. margin: 5%")]
    public void Shares_out_of_range_or_not_numbers_are_errors_with_the_fix(string piece, string replacement, string path, string message, string hint)
    {
        var error = Error(Load(EvidenceFixture.With(piece, replacement)), path, message);
        Assert.Equal(hint, error.Hint);
        Assert.Equal(25, error.Location!.Line);
    }

    [Fact]
    public void An_unknown_field_suggests_the_close_one()
    {
        var error = Error(Load(EvidenceFixture.With("margin: 10%", "margn: 10%")), "spec.comparison.margn", "unknown field 'margn'");
        Assert.Equal("did you mean 'margin'?", error.Hint);
    }
}
