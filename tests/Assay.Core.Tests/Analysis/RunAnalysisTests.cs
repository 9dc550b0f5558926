using Assay.Core.Analysis;
using Assay.Core.Cost;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Core.Slo;
using Assay.Core.Statistics;
using Assay.Core.Tests.Cost;
using static Assay.Core.Tests.Analysis.AnalysisSamples;

namespace Assay.Core.Tests.Analysis;

public class RunAnalysisTests
{
    private static readonly VariantPlan Redis = Variant("redis");
    private static readonly VariantPlan Memcached = Variant("memcached");

    [Fact]
    public void Each_kpi_is_summarised_from_one_value_per_trial()
    {
        var evidence = RunAnalysis.Analyze(Plan(Redis), [Outcomes(Redis, 1000, 1100, 900)]);

        var throughput = evidence.Variants.Single().Kpis["throughput"];
        Assert.Equal([1000, 1100, 900], throughput.Trials.Select(t => Math.Round(t, 6)));
        Assert.Equal(1000, throughput.Median, 6);
        Assert.Equal(900, throughput.Min, 6);
        Assert.Equal(1100, throughput.Max, 6);
        Assert.Equal(0.1, throughput.Cv, 6); // sd 100 / mean 1000
        Assert.Equal(1.0, evidence.Variants.Single().Kpis["latency_p99_ms"].Median, 2);
        Assert.DoesNotContain("cost_per_million", evidence.Variants.Single().Kpis.Keys);
        Assert.Empty(evidence.Comparisons);
    }

    [Fact]
    public void Trials_that_ended_in_an_error_are_left_out_and_said_so()
    {
        var outcomes = new VariantOutcomes(Redis, [Trial(1, "redis", 1000), Trial(2, "redis", 10, status: RunStatus.Error)]);

        var variant = RunAnalysis.Analyze(Plan(Redis), [outcomes]).Variants.Single();

        Assert.Equal([1000], variant.Kpis["throughput"].Trials.Select(t => Math.Round(t, 6)));
        Assert.Equal("trial 2: ended in an error (web exited)", Assert.Single(variant.Excluded));
    }

    [Fact]
    public void Cost_per_million_is_a_kpi_worked_out_per_trial_from_the_sampled_usage()
    {
        // 0.5 cores and 1 GiB for an hour at $0.036/vCPU-h and $0.0036/GiB-h: $0.018 + $0.0036 = $0.0216 for 3.6 M requests.
        var plan = Plan(Redis) with { Cost = new CostPlan(CostPlan.CustomNode, Allocation: AllocationMode.Usage), Pricing = CostSamples.Custom() };

        var variant = RunAnalysis.Analyze(plan, [Outcomes(Redis, 1000, 1000)]).Variants.Single();

        Assert.NotNull(variant.Cost);
        Assert.Equal(0.0216, variant.Cost.Total, 6);
        Assert.Equal(0.006, variant.Cost.PerMillion!.Value, 6);
        Assert.Equal([0.006, 0.006], variant.Kpis["cost_per_million"].Trials.Select(t => Math.Round(t, 6)));
        var web = Assert.Single(variant.Cost.Components);
        Assert.Equal(0.5, web.CpuCoreHours, 6);
        Assert.Equal(1, web.GibHours, 6);
    }

    [Fact]
    public void Slos_are_evaluated_per_trial_and_fail_when_one_trial_misses()
    {
        var plan = Plan(Redis) with { Slos = [new SloPlan("availability", SloKind.Availability, 99.9)] };
        // 3.6 M good requests; trial 2 fails 36,000 more (0.99% errors), which overspends a 0.1% budget.
        var outcomes = new VariantOutcomes(Redis, [Trial(1, "redis", 1000), Trial(2, "redis", 1000, failed: 36_000)]);

        var slo = Assert.Single(RunAnalysis.Analyze(plan, [outcomes]).Variants.Single().Slos);

        Assert.False(slo.Passed);
        Assert.Equal(1, slo.TrialsFailed);
        Assert.Equal(2, slo.Trials);
    }

    [Fact]
    public void Two_variants_are_compared_on_every_kpi_they_both_measured()
    {
        var evidence = RunAnalysis.Analyze(Plan(Redis, Memcached),
            [Outcomes(Redis, 1000, 1010, 990, 1005, 995), Outcomes(Memcached, 1500, 1490, 1510, 1505, 1495)]);

        var throughput = evidence.Comparisons.Single(c => c.Kpi == "throughput");
        Assert.Equal(("redis", "memcached"), (throughput.Baseline, throughput.Candidate));
        Assert.Equal(ComparisonVerdict.Better, throughput.Verdict);
        Assert.InRange(throughput.Ratio!.Value, 1.45, 1.55);
        Assert.True(throughput.CiLow <= throughput.Ratio && throughput.Ratio <= throughput.CiHigh);
        // Both answered every request in 1 ms: equal latencies, but a ratio interval [1, 1] is equivalent.
        Assert.Equal(ComparisonVerdict.Equivalent, evidence.Comparisons.Single(c => c.Kpi == "latency_p99_ms").Verdict);
    }

    [Fact]
    public void A_declared_baseline_that_measured_nothing_gives_no_comparisons_rather_than_other_ones()
    {
        var third = Variant("third");
        var plan = Plan(Redis, Memcached, third) with { Comparison = new ComparisonPlan(Baseline: "third") };

        var evidence = RunAnalysis.Analyze(plan, [Outcomes(Redis, 1000, 1000), Outcomes(Memcached, 1500, 1500)]);

        Assert.Empty(evidence.Comparisons);
    }
}
