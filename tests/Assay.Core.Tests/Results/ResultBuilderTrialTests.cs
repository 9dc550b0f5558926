using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Results;
using static Assay.Core.Tests.Samples;

namespace Assay.Core.Tests.Results;

/// <summary><see cref="ResultBuilder"/> on one trial: its workload, components and threshold outcomes.</summary>
public class ResultBuilderTrialTests
{
    private const string Http = "http";
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 4, 26, 13, TimeSpan.Zero);

    private static readonly ThresholdPlan P95Under2Ms =
        new("http_req_duration: p(95)<2ms", "http_req_duration", null, ThresholdStat.Percentile, 95, ComparisonOperator.LessThan, 2, null);

    private static readonly ThresholdPlan FailedUnder1Percent =
        new("http_req_failed: rate<0.01", "http_req_failed", null, ThresholdStat.Rate, null, ComparisonOperator.LessThan, 0.01, null);

    private static readonly ThresholdPlan FailedUnder20Percent =
        new("http_req_failed: rate<0.2", "http_req_failed", null, ThresholdStat.Rate, null, ComparisonOperator.LessThan, 0.2, null);

    /// <summary>200 requests in 10 s; echo failed 20 times; latencies 10 … 2000 µs (p95 1.9 ms).</summary>
    private static WorkloadMeasurement Measured(ScheduleMeasurement? schedule = null) => new(
        "requests",
        TimeSpan.FromSeconds(10),
        [Operation("home", 100, 0, Steps(10, 10, 100)), Operation("echo", 100, 20, Steps(1_010, 10, 100))],
        [new SecondCount(0, 90, 10), new SecondCount(1, 90, 10)],
        new Dictionary<string, long> { ["status 500"] = 20 },
        schedule);

    private static readonly UsageSample[] Samples0 = [new(0, 0, 1_000), new(0.5, 0.1, 2_000)];

    private static readonly ComponentUsage[] Components =
    [
        new("web", 0, 1.5, 0.25, 100, 80, Samples0),
        new("db", 0, 4, 0.75, 500, 400, []),
        new("web", 1, 2.5, 0.5, 120, 90, []),
    ];

    private static TrialOutcome Outcome(RunStatus status = RunStatus.Passed, WorkloadMeasurement? workload = null, string? error = null) => new(
        2, "nginx", status, Start, TimeSpan.FromSeconds(13.5), workload, Components,
        new ComponentUsage("load-generator", 0, 2.2, 0.22, 61, 58, []), error);

    [Fact]
    public void A_passed_trial_whose_thresholds_all_hold_stays_passed()
    {
        var trial = ResultBuilder.SummarizeTrial(Outcome(workload: Measured()), [P95Under2Ms, FailedUnder20Percent], Http);
        Assert.Equal(RunStatus.Passed, trial.Status);
        Assert.Equal(
            [new("http_req_duration: p(95)<2ms", true, 1.9, "ms"), new("http_req_failed: rate<0.2", true, 0.1, "fraction")],
            trial.Thresholds);
    }

    [Fact]
    public void A_failing_threshold_turns_a_passed_trial_into_a_failed_one()
    {
        var trial = ResultBuilder.SummarizeTrial(Outcome(workload: Measured()), [P95Under2Ms, FailedUnder1Percent], Http);
        Assert.Equal(RunStatus.Failed, trial.Status);
        Assert.False(trial.Thresholds[1].Passed);
    }

    [Fact]
    public void An_invalid_measurement_fails_the_trial_even_without_thresholds()
    {
        var behind = new ScheduleMeasurement(20, 200, 190, 5, 10, 1, 3, 0.01);
        var trial = ResultBuilder.SummarizeTrial(Outcome(workload: Measured(behind)), [], Http);
        Assert.Equal(RunStatus.Failed, trial.Status);
        Assert.False(trial.Workload!.Valid);
        Assert.Equal(behind.Reason, trial.Workload.InvalidReason);
        Assert.Same(behind, trial.Workload.Schedule);
    }

    [Theory]
    [InlineData(RunStatus.Error)]
    [InlineData(RunStatus.Cancelled)]
    public void An_error_or_cancellation_is_kept_even_when_a_threshold_also_failed(RunStatus status)
    {
        var trial = ResultBuilder.SummarizeTrial(Outcome(status, Measured(), "demo-app exited with code 139"), [FailedUnder1Percent], Http);
        Assert.Equal(status, trial.Status);
        Assert.Equal("demo-app exited with code 139", trial.Error);
        Assert.False(Assert.Single(trial.Thresholds).Passed);
    }

    [Fact]
    public void A_trial_that_never_measured_keeps_its_error_and_components_but_evaluates_nothing()
    {
        var trial = ResultBuilder.SummarizeTrial(Outcome(RunStatus.Error, null, "nginx: probe timed out"), [P95Under2Ms], Http);
        Assert.Equal(RunStatus.Error, trial.Status);
        Assert.Null(trial.Workload);
        Assert.Empty(trial.Thresholds);
        Assert.Empty(trial.Histograms);
        Assert.Empty(trial.Series.Workload);
        Assert.Equal(["web", "db"], trial.Components.Select(c => c.Name));
    }

    [Fact]
    public void The_workload_summary_has_throughput_errors_and_latency_of_the_window()
    {
        var workload = ResultBuilder.SummarizeTrial(Outcome(workload: Measured()), [], Http).Workload!;
        Assert.Equal("requests", workload.Unit);
        Assert.Equal(18, workload.Throughput);
        Assert.Equal(200, workload.Requests);
        Assert.Equal(20, workload.Errors);
        Assert.Equal(0.1, workload.ErrorRate);
        Assert.Equal(10, workload.WindowSeconds);
        Assert.Equal(1.0, workload.LatencyMs.P50);
        Assert.Equal(2.0, workload.LatencyMs.Max);
        Assert.Equal(20, workload.ErrorKinds["status 500"]);
        Assert.True(workload.Valid);
        Assert.Null(workload.InvalidReason);
    }

    [Fact]
    public void Each_request_of_the_mix_gets_its_own_summary_with_statuses_keyed_as_text()
    {
        var byRequest = ResultBuilder.SummarizeTrial(Outcome(workload: Measured()), [], Http).Workload!.ByRequest;
        Assert.Equal(["home", "echo"], byRequest.Select(r => r.Name));
        var echo = byRequest[1];
        Assert.Equal(100, echo.Requests);
        Assert.Equal(20, echo.Errors);
        Assert.Equal(8, echo.Throughput);
        Assert.Equal(1.99, echo.LatencyMs.P99);
        Assert.Equal(new Dictionary<string, long> { ["200"] = 80, ["500"] = 20 }, echo.Statuses);
        Assert.Equal(10, byRequest[0].Throughput);
    }

    [Fact]
    public void Histograms_are_encoded_per_request_and_decode_to_the_same_counts()
    {
        var histograms = ResultBuilder.SummarizeTrial(Outcome(workload: Measured()), [], Http).Histograms;
        Assert.Equal(["home", "echo"], histograms.Keys);
        var home = LatencyHistogram.Decode(histograms["home"]);
        var echo = LatencyHistogram.Decode(histograms["echo"]);
        Assert.Equal(100, home.Count);
        Assert.Equal(0.95, home.PercentileMs(95));
        Assert.Equal(100, echo.Count);
        Assert.Equal(1.95, echo.PercentileMs(95));
    }

    [Fact]
    public void The_trial_keeps_its_number_start_duration_series_and_load_generator()
    {
        var trial = ResultBuilder.SummarizeTrial(Outcome(workload: Measured()), [], Http);
        Assert.Equal(2, trial.Trial);
        Assert.Equal(Start, trial.StartedAt);
        Assert.Equal(13.5, trial.DurationSeconds);
        Assert.Equal([new SecondCount(0, 90, 10), new SecondCount(1, 90, 10)], trial.Series.Workload);
        Assert.Equal(["web/0", "db/0", "web/1"], trial.Series.Components.Select(c => $"{c.Component}/{c.Replica}"));
        Assert.Equal(Samples0, trial.Series.Components[0].Samples);
        Assert.Equal(new ComponentSummary("load-generator", 1, 2.2, 0.22, 61, 58), trial.LoadGenerator);
    }

    [Fact]
    public void Replicas_of_a_component_are_summed_because_they_run_at_once() =>
        Assert.Equal(
            [new ComponentSummary("web", 2, 4.0, 0.75, 220, 170), new ComponentSummary("db", 1, 4, 0.75, 500, 400)],
            ResultBuilder.SummarizeComponents(Components));

    [Fact]
    public void No_instances_summarise_to_no_components() =>
        Assert.Empty(ResultBuilder.SummarizeComponents([]));

    [Fact]
    public void No_load_generator_usage_summarises_to_null() =>
        Assert.Null(ResultBuilder.SummarizeLoadGenerator(null));
}
