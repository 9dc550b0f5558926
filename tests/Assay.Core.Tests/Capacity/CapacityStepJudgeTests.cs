using Assay.Core.Capacity;
using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Core.Slo;

namespace Assay.Core.Tests.Capacity;

public sealed class CapacityStepJudgeTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    // 99% of answers within 1 ms.
    private static readonly SloPlan Latency = new("latency", SloKind.Latency, 99, TimeSpan.FromMilliseconds(1));

    /// <summary>100 answers of 10…1000 µs plus <paramref name="slow"/> of 1500 µs, all succeeded.</summary>
    private static WorkloadMeasurement Measured(int slow, ScheduleMeasurement? schedule = null)
    {
        var latency = Samples.Histogram(Enumerable.Range(1, 100).Select(i => (long)i * 10).Concat(Enumerable.Repeat(1500L, slow)));
        return Samples.Workload(Window, [Samples.Operation("compute", 100 + slow, 0, latency)], schedule);
    }

    private static TrialOutcome Outcome(WorkloadMeasurement? measurement, RunStatus status = RunStatus.Passed, string? error = null) =>
        new(1001, "web", status, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(4), measurement, [], null, error);

    [Fact]
    public void A_valid_step_within_the_objective_passes_with_its_figures()
    {
        var step = CapacityStepJudge.Judge(50, Latency, Outcome(Measured(slow: 1)));

        Assert.True(step.Passed);
        Assert.Equal(50, step.Rate);
        Assert.Equal(100.0 * 100 / 101, step.Sli!.Value, 9);
        Assert.Equal(101 / 2.0, step.Throughput);
        Assert.NotNull(step.LatencyP99Ms);
        Assert.True(step.Valid);
        Assert.Null(step.Note);
    }

    [Fact]
    public void A_step_under_the_objective_fails_on_its_sli()
    {
        // 100 good of 103: 97.1% < 99%.
        var step = CapacityStepJudge.Judge(50, Latency, Outcome(Measured(slow: 3)));

        Assert.False(step.Passed);
        Assert.Equal(100.0 * 100 / 103, step.Sli!.Value, 9);
        Assert.Null(step.Note);
    }

    [Fact]
    public void A_generator_that_fell_behind_fails_the_step_and_says_the_generator_was_the_limit()
    {
        // 30 late sends of 1000 due, 1% allowed: the generator's own lag, whatever the SLI says.
        var step = CapacityStepJudge.Judge(800, Latency, Outcome(Measured(slow: 0, Samples.Schedule(late: 30, unsent: 0))));

        Assert.False(step.Passed);
        Assert.False(step.Valid);
        Assert.Equal(100, step.Sli);
        Assert.Contains("the load generator fell behind its schedule", step.Note, StringComparison.Ordinal);
        Assert.Contains("the generator, not the system, was the limit", step.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_left_unsent_behind_busy_connections_fail_the_step_as_the_system_falling_behind()
    {
        var step = CapacityStepJudge.Judge(800, Latency, Outcome(Measured(slow: 0, Samples.Schedule(late: 2, unsent: 40))));

        Assert.False(step.Passed);
        Assert.False(step.Valid);
        Assert.Contains("queued behind busy connections", step.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("the generator, not the system", step.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_ended_in_error_fails_the_step_with_its_error_even_when_the_sli_looks_good()
    {
        var step = CapacityStepJudge.Judge(50, Latency, Outcome(Measured(slow: 0), RunStatus.Error, "web-0 exited with code 139"));

        Assert.False(step.Passed);
        Assert.Equal(100, step.Sli);
        Assert.Equal("the step's run ended with error: web-0 exited with code 139", step.Note);
    }

    [Fact]
    public void A_step_that_measured_nothing_fails_without_an_sli()
    {
        var never = CapacityStepJudge.Judge(50, Latency, Outcome(null, RunStatus.Error, "demo-app did not become ready"));
        var empty = CapacityStepJudge.Judge(50, Latency, Outcome(Samples.Workload(Window, [Samples.Operation("compute", 0, 0)])));

        Assert.False(never.Passed);
        Assert.Null(never.Sli);
        Assert.Equal("nothing was measured: demo-app did not become ready", never.Note);
        Assert.False(empty.Passed);
        Assert.Null(empty.Sli);
        Assert.Equal("no events of SLO 'latency' were measured", empty.Note);
    }
}
