using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Core.Thresholds;

namespace Assay.Core.Tests.Results;

/// <summary><see cref="ResultBuilder.SummarizeVariant"/>: medians across trials, thresholds that must hold in every trial.</summary>
public class ResultBuilderVariantTests
{
    private const string P99 = "http_req_duration: p(99)<2";
    private const string Count = "http_reqs: count>100";

    private static readonly ThresholdPlan[] Thresholds =
    [
        new(P99, "http_req_duration", null, ThresholdStat.Percentile, 99, ComparisonOperator.LessThan, 2, null),
        new(Count, "http_reqs", null, ThresholdStat.Count, null, ComparisonOperator.GreaterThan, 100, null),
    ];

    /// <summary>Latencies that are all <paramref name="scale"/> times 1, 2, 3, 4, 5 ms (min 0.5, mean 1.5).</summary>
    private static LatencySummary Latency(double scale) => new(scale, 2 * scale, 3 * scale, 4 * scale, 5 * scale, 0.5 * scale, 1.5 * scale);

    private static WorkloadSummary Workload(double throughput, long requests, long errors, double latencyScale, IReadOnlyDictionary<string, long>? errorKinds = null, string? invalidReason = null) => new(
        "requests",
        throughput,
        requests,
        errors,
        (double)errors / requests,
        Latency(latencyScale),
        10,
        [new RequestSummary("home", requests, errors, throughput, Latency(latencyScale), new Dictionary<string, long> { ["200"] = requests - errors, ["500"] = errors })],
        errorKinds ?? new Dictionary<string, long> { ["status 500"] = errors },
        null,
        invalidReason is null,
        invalidReason);

    private static TrialSummary Trial(
        int trial,
        WorkloadSummary? workload,
        RunStatus status = RunStatus.Passed,
        double cpuSeconds = 1,
        long memoryBytes = 100,
        IReadOnlyList<ThresholdResult>? thresholds = null) => new(
        trial,
        status,
        DateTimeOffset.UnixEpoch.AddMinutes(trial),
        15,
        workload,
        workload is null ? [] : [new ComponentSummary("web", 2, cpuSeconds, cpuSeconds / 8, memoryBytes, memoryBytes / 2)],
        workload is null ? null : new ComponentSummary("load-generator", 1, 2 * cpuSeconds, cpuSeconds / 4, 3 * memoryBytes, memoryBytes),
        thresholds ?? [],
        status == RunStatus.Error ? "it broke" : null,
        new TrialSeries([], []),
        new Dictionary<string, string>());

    private static VariantResult Variant(params TrialSummary[] trials) => ResultBuilder.SummarizeVariant("nginx", trials, []);

    [Fact]
    public void One_trial_gives_that_trials_figures()
    {
        var workload = Workload(100, 1_000, 10, 1);
        var variant = Variant(Trial(1, workload, cpuSeconds: 3, memoryBytes: 700));
        Assert.Equal("nginx", variant.Name);
        Assert.Equal(RunStatus.Passed, variant.Status);
        Assert.Same(workload, variant.Workload);
        Assert.Equal([new ComponentSummary("web", 2, 3, 0.375, 700, 350)], variant.Components);
        Assert.Equal(new ComponentSummary("load-generator", 1, 6, 0.75, 2_100, 700), variant.LoadGenerator);
    }

    [Fact]
    public void Two_trials_give_the_mean_of_the_two_values()
    {
        var variant = Variant(
            Trial(1, Workload(100, 1_000, 10, 1), cpuSeconds: 1, memoryBytes: 100),
            Trial(2, Workload(120, 1_200, 30, 2), cpuSeconds: 2, memoryBytes: 300));
        var workload = variant.Workload;
        Assert.Equal(110, workload.Throughput);
        Assert.Equal(1_100, workload.Requests);
        Assert.Equal(20, workload.Errors);
        Assert.Equal((0.01 + 0.025) / 2, workload.ErrorRate);
        Assert.Equal(new LatencySummary(1.5, 3, 4.5, 6, 7.5, 0.75, 2.25), workload.LatencyMs);
        var home = Assert.Single(workload.ByRequest);
        Assert.Equal(("home", 1_100L, 20L, 110.0), (home.Name, home.Requests, home.Errors, home.Throughput));
        Assert.Equal(new LatencySummary(1.5, 3, 4.5, 6, 7.5, 0.75, 2.25), home.LatencyMs);
        Assert.Equal(new Dictionary<string, long> { ["200"] = 1_080, ["500"] = 20 }, home.Statuses);
        Assert.Equal([new ComponentSummary("web", 2, 1.5, 0.1875, 200, 100)], variant.Components);
        Assert.Equal(3, variant.LoadGenerator!.CpuSeconds);
    }

    [Fact]
    public void Three_trials_give_the_middle_value_so_one_outlier_does_not_move_it()
    {
        var variant = Variant(
            Trial(1, Workload(100, 1_000, 10, 1), cpuSeconds: 1, memoryBytes: 100),
            Trial(2, Workload(300, 3_000, 90, 9), cpuSeconds: 9, memoryBytes: 900),
            Trial(3, Workload(120, 1_200, 20, 2), cpuSeconds: 2, memoryBytes: 200));
        Assert.Equal(120, variant.Workload.Throughput);
        Assert.Equal(1_200, variant.Workload.Requests);
        Assert.Equal(20, variant.Workload.Errors);
        Assert.Equal(Latency(2), variant.Workload.LatencyMs);
        Assert.Equal([new ComponentSummary("web", 2, 2, 0.25, 200, 100)], variant.Components);
    }

    [Fact]
    public void Four_trials_give_the_mean_of_the_middle_two()
    {
        var variant = Variant(
            Trial(1, Workload(100, 1_000, 10, 1)),
            Trial(2, Workload(400, 4_000, 40, 4)),
            Trial(3, Workload(200, 2_000, 20, 2)),
            Trial(4, Workload(300, 3_000, 30, 3)));
        Assert.Equal(250, variant.Workload.Throughput);
        Assert.Equal(2_500, variant.Workload.Requests);
        Assert.Equal(25, variant.Workload.Errors);
        Assert.Equal(new LatencySummary(2.5, 5, 7.5, 10, 12.5, 1.25, 3.75), variant.Workload.LatencyMs);
    }

    [Fact]
    public void Status_counts_and_error_kinds_are_medians_across_trials_like_every_other_figure()
    {
        var variant = Variant(
            Trial(1, Workload(100, 1_000, 10, 1)),
            Trial(2, Workload(100, 1_000, 30, 1, new Dictionary<string, long> { ["status 500"] = 24, ["timeout"] = 6 })),
            Trial(3, Workload(100, 1_000, 20, 1)));
        Assert.Equal(20, variant.Workload.Errors);
        Assert.Equal(new Dictionary<string, long> { ["status 500"] = 20 }, variant.Workload.ErrorKinds);
        Assert.Equal(new Dictionary<string, long> { ["200"] = 980, ["500"] = 20 }, variant.Workload.ByRequest[0].Statuses);
    }

    [Fact]
    public void A_threshold_passes_only_when_it_passed_in_every_trial()
    {
        var variant = ResultBuilder.SummarizeVariant("nginx",
        [
            Trial(1, Workload(100, 1_000, 0, 1), thresholds: [new(P99, true, 1.5, "ms"), new(Count, true, 150, "requests")]),
            Trial(2, Workload(100, 1_000, 0, 1), RunStatus.Failed, thresholds: [new(P99, false, 2.5, "ms"), new(Count, true, 120, "requests")]),
            Trial(3, Workload(100, 1_000, 0, 1), thresholds: [new(P99, true, 1.8, "ms"), new(Count, true, 130, "requests")]),
        ], Thresholds);
        Assert.Equal(RunStatus.Failed, variant.Status);
        Assert.Equal(
            [new ThresholdOutcome(P99, false, 2.5, "ms", 1), new ThresholdOutcome(Count, true, 120, "requests", 0)],
            variant.Thresholds);
    }

    [Fact]
    public void The_actual_value_is_the_highest_for_an_upper_limit_and_the_lowest_for_a_lower_limit()
    {
        var variant = ResultBuilder.SummarizeVariant("nginx",
        [
            Trial(1, Workload(100, 1_000, 0, 1), thresholds: [new(P99, true, 1.2, "ms"), new(Count, true, 900, "requests")]),
            Trial(2, Workload(100, 1_000, 0, 1), thresholds: [new(P99, true, 1.9, "ms"), new(Count, true, 700, "requests")]),
            Trial(3, Workload(100, 1_000, 0, 1), thresholds: [new(P99, true, 1.4, "ms"), new(Count, true, 800, "requests")]),
        ], Thresholds);
        Assert.Equal(RunStatus.Passed, variant.Status);
        Assert.Equal([1.9, 700], variant.Thresholds.Select(t => t.Actual!.Value));
        Assert.All(variant.Thresholds, t => Assert.True(t.Passed));
    }

    [Fact]
    public void A_threshold_no_trial_evaluated_fails_with_nothing_read()
    {
        var variant = ResultBuilder.SummarizeVariant("nginx", [Trial(1, Workload(100, 1_000, 0, 1))], Thresholds);
        Assert.Equal(RunStatus.Failed, variant.Status);
        Assert.Equal(new ThresholdOutcome(P99, false, null, "", 0), variant.Thresholds[0]);
    }

    [Theory]
    [InlineData(RunStatus.Error, new[] { RunStatus.Passed, RunStatus.Error, RunStatus.Cancelled, RunStatus.Failed })]
    [InlineData(RunStatus.Cancelled, new[] { RunStatus.Failed, RunStatus.Cancelled, RunStatus.Passed })]
    [InlineData(RunStatus.Failed, new[] { RunStatus.Passed, RunStatus.Failed })]
    [InlineData(RunStatus.Passed, new[] { RunStatus.Passed, RunStatus.Passed })]
    public void An_error_outranks_a_cancellation_which_outranks_a_failure(RunStatus expected, RunStatus[] statuses) =>
        Assert.Equal(expected, Variant([.. statuses.Select((s, i) => Trial(i + 1, Workload(100, 1_000, 0, 1), s))]).Status);

    [Fact]
    public void A_variant_without_trials_failed()
    {
        var variant = Variant();
        Assert.Equal(RunStatus.Failed, variant.Status);
        Assert.False(variant.Workload.Valid);
        Assert.Equal("nothing was measured", variant.Workload.InvalidReason);
    }

    [Fact]
    public void Trials_that_measured_nothing_are_left_out_of_the_medians_but_kept_in_the_list()
    {
        var variant = Variant(
            Trial(1, Workload(100, 1_000, 0, 1)),
            Trial(2, null, RunStatus.Error),
            Trial(3, Workload(120, 1_200, 0, 2)));
        Assert.Equal(RunStatus.Error, variant.Status);
        Assert.Equal(110, variant.Workload.Throughput);
        Assert.Equal([1, 2, 3], variant.TrialResults.Select(t => t.Trial));
    }

    [Fact]
    public void A_variant_whose_only_trial_measured_nothing_has_an_empty_invalid_workload()
    {
        var variant = Variant(Trial(1, null, RunStatus.Error));
        Assert.Equal(0, variant.Workload.Requests);
        Assert.False(variant.Workload.Valid);
        Assert.Empty(variant.Components);
        Assert.Null(variant.LoadGenerator);
    }

    [Fact]
    public void One_invalid_trial_makes_the_variants_measurement_invalid_and_says_why()
    {
        var variant = Variant(
            Trial(1, Workload(100, 1_000, 0, 1)),
            Trial(2, Workload(100, 1_000, 0, 1, invalidReason: "the load generator fell behind"), RunStatus.Failed),
            Trial(3, Workload(100, 1_000, 0, 1)));
        Assert.False(variant.Workload.Valid);
        Assert.Equal("the load generator fell behind", variant.Workload.InvalidReason);
        Assert.Equal(RunStatus.Failed, variant.Status);
    }

    [Fact]
    public void A_drivers_own_figures_are_medians_across_the_trials_that_have_them()
    {
        var first = Trial(1, Workload(10, 100, 0, 1) with { Stats = new Dictionary<string, double> { ["lost"] = 2, ["headSeries"] = 1000 } });
        var second = Trial(2, Workload(10, 100, 0, 1) with { Stats = new Dictionary<string, double> { ["lost"] = 8, ["headSeries"] = 1000 } });
        var third = Trial(3, Workload(10, 100, 0, 1) with { Stats = new Dictionary<string, double> { ["lost"] = 3 } });

        var stats = Variant(first, second, third).Workload.Stats;

        Assert.Equal(3, stats["lost"]);
        Assert.Equal(1000, stats["headSeries"]);
    }

    [Fact]
    public void A_trials_figures_carry_the_drivers_own_figures()
    {
        var measurement = Samples.Workload(TimeSpan.FromSeconds(10), [Samples.Operation("deliver", 100, 0)]) with
        {
            Stats = new Dictionary<string, double> { ["published"] = 101, ["received"] = 100 },
        };

        var summary = ResultBuilder.Summarize(measurement);

        Assert.Equal(101, summary.Stats["published"]);
        Assert.Equal(100, summary.Stats["received"]);
    }
}
