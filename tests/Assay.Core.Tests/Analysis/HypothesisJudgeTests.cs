using Assay.Core.Analysis;
using Assay.Core.Plans;
using static Assay.Core.Tests.Analysis.AnalysisSamples;

namespace Assay.Core.Tests.Analysis;

public class HypothesisJudgeTests
{
    private static readonly VariantPlan Redis = Variant("redis");
    private static readonly VariantPlan Memcached = Variant("memcached");

    private static readonly VariantOutcomes FiveRedis = Outcomes(Redis, 1000, 1010, 990, 1005, 995);
    private static readonly VariantOutcomes FiveMemcached = Outcomes(Memcached, 1500, 1490, 1510, 1505, 1495);

    private static ExperimentPlan Claim(params SuccessCriterion[] criteria) => Plan(Redis, Memcached) with
    {
        Info = new ExperimentInfo("sample", "Sample", null, [], new Hypothesis("memcached serves more GETs than redis", [], [], criteria)),
    };

    [Fact]
    public void A_ratio_whose_whole_interval_passes_validates_the_claim()
    {
        var plan = Claim(new SuccessCriterion("throughput", "gt", 1.2, null, "memcached", "redis"));

        var hypothesis = RunAnalysis.Analyze(plan, [FiveRedis, FiveMemcached]).Hypothesis!;

        Assert.Equal("validated", hypothesis.Verdict);
        var criterion = Assert.Single(hypothesis.Criteria);
        Assert.True(criterion.Passed);
        Assert.Equal("ratio(memcached/redis, throughput) > 1.2", criterion.Description);
        Assert.True(criterion.CiLow > 1.2);
        Assert.InRange(criterion.Value!.Value, criterion.CiLow!.Value, criterion.CiHigh!.Value);
    }

    [Fact]
    public void The_verdict_flips_with_the_limit()
    {
        var plan = Claim(new SuccessCriterion("throughput", "gt", 1.6, null, "memcached", "redis"));

        var hypothesis = RunAnalysis.Analyze(plan, [FiveRedis, FiveMemcached]).Hypothesis!;

        Assert.Equal("invalidated", hypothesis.Verdict);
        Assert.Equal("the whole interval is on the failing side", hypothesis.Criteria[0].Note);
    }

    [Fact]
    public void A_limit_inside_the_interval_is_not_shown()
    {
        var plan = Claim(new SuccessCriterion("throughput", "gt", 1.5, null, "memcached", "redis"));

        var criterion = RunAnalysis.Analyze(plan, [FiveRedis, FiveMemcached]).Hypothesis!.Criteria[0];

        Assert.False(criterion.Passed);
        Assert.StartsWith("not shown: the interval [", criterion.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void One_trial_each_is_too_few_for_a_ratio_criterion()
    {
        var plan = Claim(new SuccessCriterion("throughput", "gt", 1.2, null, "memcached", "redis"));

        var hypothesis = RunAnalysis.Analyze(plan, [Outcomes(Redis, 1000), Outcomes(Memcached, 1500)]).Hypothesis!;

        Assert.Equal("insufficient", hypothesis.Verdict);
        Assert.Null(hypothesis.Criteria[0].Passed);
        Assert.Equal(1.5, hypothesis.Criteria[0].Value!.Value, 6);
        Assert.Contains("trials", hypothesis.Criteria[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kpi_criterion_passes_only_when_every_trial_does()
    {
        var plan = Claim(
            new SuccessCriterion("throughput", "gte", 1000, null, "memcached"),
            new SuccessCriterion("throughput", "gte", 1000, "redis reaches 1000 GET/s", "redis"));

        var hypothesis = RunAnalysis.Analyze(plan, [FiveRedis, FiveMemcached]).Hypothesis!;

        Assert.True(hypothesis.Criteria[0].Passed);
        Assert.Equal(1500, hypothesis.Criteria[0].Value!.Value, 6);
        Assert.Equal((1490, 1510), (Math.Round(hypothesis.Criteria[0].CiLow!.Value, 6), Math.Round(hypothesis.Criteria[0].CiHigh!.Value, 6)));
        var redis = hypothesis.Criteria[1];
        Assert.Equal("redis reaches 1000 GET/s", redis.Description);
        Assert.False(redis.Passed);
        Assert.Equal("the median passes but 2 of 5 trials do not", redis.Note);
        Assert.Equal("invalidated", hypothesis.Verdict);
    }

    [Fact]
    public void A_kpi_nobody_measured_makes_the_verdict_insufficient()
    {
        var plan = Claim(new SuccessCriterion("cost_per_million", "lt", 0.01, null, "memcached"));

        var hypothesis = RunAnalysis.Analyze(plan, [FiveRedis, FiveMemcached]).Hypothesis!;

        Assert.Equal("insufficient", hypothesis.Verdict);
        Assert.Equal("memcached has no value of cost_per_million", hypothesis.Criteria[0].Note);
    }

    [Fact]
    public void A_criterion_without_a_variant_holds_for_every_variant()
    {
        var plan = Claim(new SuccessCriterion("throughput", "gte", 1000, null));

        var criterion = RunAnalysis.Analyze(plan, [FiveRedis, FiveMemcached]).Hypothesis!.Criteria[0];

        Assert.False(criterion.Passed);
        Assert.Equal("fails for redis", criterion.Note);
        Assert.Equal(1000, criterion.Value!.Value, 6); // the worst median
        Assert.Equal((990, 1510), (Math.Round(criterion.CiLow!.Value, 6), Math.Round(criterion.CiHigh!.Value, 6)));

        var lower = RunAnalysis.Analyze(Claim(new SuccessCriterion("throughput", "gte", 900, null)), [FiveRedis, FiveMemcached]).Hypothesis!;
        Assert.True(lower.Criteria[0].Passed);
        Assert.Equal("validated", lower.Verdict);
    }

    [Fact]
    public void A_hypothesis_without_criteria_cannot_be_validated()
    {
        Assert.Equal("insufficient", RunAnalysis.Analyze(Claim(), [FiveRedis, FiveMemcached]).Hypothesis!.Verdict);
    }
}
