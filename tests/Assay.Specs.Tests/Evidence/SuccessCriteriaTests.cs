using Assay.Core.Plans;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests.Evidence;

/// <summary>Success criteria name a KPI, and the variants they judge; cost per million needs a cost.</summary>
public class SuccessCriteriaTests
{
    private const string Ratio = "{metric: throughput, variant: fast, baseline: slow, operator: gte, value: 1.1}";

    [Fact]
    public void Criteria_on_every_variant_one_variant_and_a_ratio_resolve()
    {
        var yaml = EvidenceFixture.With(Ratio, Ratio + "\n      - {metric: cost_per_million, variant: fast, operator: lt, value: 0.5, description: cheap}");
        var criteria = Plan(yaml).Info.Hypothesis!.SuccessCriteria;
        Assert.Equal(
            [
                new SuccessCriterion("error_ratio", "lt", 0.01, null),
                new SuccessCriterion("throughput", "gte", 1.1, null, "fast", "slow"),
                new SuccessCriterion("cost_per_million", "lt", 0.5, "cheap", "fast"),
            ],
            criteria);
    }

    [Theory]
    [InlineData("p95_latency_ms", "allowed: throughput, latency_p50_ms, latency_p99_ms, error_ratio, cost_per_million")]
    [InlineData("error_rate", "did you mean 'error_ratio'?")]
    [InlineData("Throughput", "did you mean 'throughput'?")]
    public void A_metric_that_is_not_a_kpi_is_an_error_naming_the_kpis(string metric, string hint)
    {
        var error = Error(Load(EvidenceFixture.With("metric: error_ratio", $"metric: {metric}")), "spec.hypothesis.successCriteria[0].metric", $"'{metric}' is not a KPI");
        Assert.Equal(hint, error.Hint);
        At(error, 9, 18);
    }

    [Fact]
    public void Cost_per_million_needs_a_cost()
    {
        var yaml = EvidenceFixture.With("metric: error_ratio", "metric: cost_per_million");
        var withoutCost = yaml[..yaml.IndexOf("  cost:", StringComparison.Ordinal)] + yaml[yaml.IndexOf("  slos:", StringComparison.Ordinal)..];
        var error = Error(Load(withoutCost), "spec.hypothesis.successCriteria[0].metric", "cost_per_million needs prices, and the experiment declares no cost");
        Assert.Equal("declare spec.cost, e.g. cost: {node: gcp/e2-standard-4, market: on-demand}", error.Hint);
        Assert.NotNull(Plan(yaml).Cost);
    }

    [Theory]
    [InlineData("variant: fast", "variant: fsat", "spec.hypothesis.successCriteria[1].variant", "no variant named 'fsat'", "did you mean 'fast'?", 39)]
    [InlineData("baseline: slow, operator", "baseline: slo, operator", "spec.hypothesis.successCriteria[1].baseline", "no variant named 'slo'", "did you mean 'slow'?", 55)]
    [InlineData("baseline: slow, operator", "baseline: fast, operator", "spec.hypothesis.successCriteria[1].baseline", "the baseline is the variant itself ('fast')", "compare with another variant: slow", 55)]
    [InlineData("variant: fast, baseline", "baseline", "spec.hypothesis.successCriteria[1].baseline", "a ratio to a baseline needs the variant it divides", "add variant: the candidate, e.g. variant: fast (judged on variant ÷ baseline)", 40)]
    [InlineData("operator: gte", "operator: ge", "spec.hypothesis.successCriteria[1].operator", "'ge' is not one of lt, lte, gt, gte", "did you mean 'gt'?", 71)]
    public void Each_mistake_is_reported_at_its_field_with_a_hint(string piece, string replacement, string path, string message, string hint, int column)
    {
        var error = Error(Load(EvidenceFixture.With(piece, replacement)), path, message);
        Assert.Equal(hint, error.Hint);
        At(error, 10, column);
    }

    [Fact]
    public void Every_criterion_mistake_is_reported_at_once()
    {
        var outcome = Load(EvidenceFixture.With(
            "      - {metric: error_ratio, operator: lt, value: 0.01}\n      - " + Ratio,
            "      - {metric: p95, operator: lt, value: 0.01, variant: nope}\n      - {metric: throughput, baseline: slow, operator: gte, value: x}"));
        var paths = outcome.Errors.Select(d => d.FieldPath).ToList();
        Assert.Equal(
            [
                "spec.hypothesis.successCriteria[0].metric",
                "spec.hypothesis.successCriteria[0].variant",
                "spec.hypothesis.successCriteria[1].baseline",
                "spec.hypothesis.successCriteria[1].value",
            ],
            paths);
        Assert.All(outcome.Errors, d => Assert.False(string.IsNullOrEmpty(d.Hint), $"no hint for: {d}"));
    }
}
