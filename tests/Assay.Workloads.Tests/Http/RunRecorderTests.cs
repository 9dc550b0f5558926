using System.Diagnostics;
using Assay.Core.Measurements;
using Assay.Workloads.Http;

namespace Assay.Workloads.Tests.Http;

public class RunRecorderTests
{
    private static readonly long Second = Stopwatch.Frequency;
    private static readonly long Millisecond = Stopwatch.Frequency / 1000;
    private const long Start = 1_000_000;

    [Fact(Timeout = 10_000)]
    public async Task Completions_count_in_the_window_by_completion_time()
    {
        await Task.Yield();
        var (clock, recorder) = Closed(warmUpSeconds: 1, durationSeconds: 3);
        var windowStart = clock.WindowStart;

        recorder.RecordResponse(0, 200, Start, Start + (500 * Millisecond));               // warm-up
        recorder.RecordResponse(0, 200, windowStart - Millisecond, windowStart + Millisecond); // started in warm-up, counts
        recorder.RecordResponse(0, 200, windowStart, windowStart + (1500 * Millisecond));
        recorder.RecordResponse(1, 503, windowStart, windowStart + (2100 * Millisecond));
        recorder.RecordFailure(1, FailureKind.Timeout, windowStart + (2200 * Millisecond));
        recorder.RecordFailure(0, FailureKind.Connection, windowStart + (2300 * Millisecond));
        recorder.RecordResponse(0, 200, windowStart, clock.WindowEnd);                      // after the window

        var measurement = recorder.Build("requests", clock.WindowEnd);

        Assert.Equal((1L, 0L), recorder.Totals(WorkloadStage.WarmingUp));
        Assert.Equal((2L, 3L), recorder.Totals(WorkloadStage.Measuring));
        Assert.Equal(TimeSpan.FromSeconds(3), measurement.Window);
        Assert.Equal([new SecondCount(0, 1, 0), new SecondCount(1, 1, 0), new SecondCount(2, 0, 3)], measurement.PerSecond);
        Assert.Equal(5, measurement.Total);
        Assert.Equal(3, measurement.Failed);
        Assert.Equal(2 / 3.0, measurement.Throughput, 9);

        var get = measurement.ByOperation[0];
        Assert.Equal(("get", 3L, 1L), (get.Name, get.Total, get.Failed));
        Assert.Equal(new Dictionary<int, long> { [200] = 2 }, get.StatusCounts);
        Assert.Equal(2, get.Latency.Count);
        Assert.Equal(2.0, get.Latency.MinMs, 2);
        Assert.Equal(1500.0, get.Latency.MaxMs, 0);

        var post = measurement.ByOperation[1];
        Assert.Equal(("post", 2L, 2L), (post.Name, post.Total, post.Failed));
        Assert.Equal(1, post.Latency.Count); // the 503 got a response and is a latency; the timeout is not
        Assert.Equal(new Dictionary<string, long> { ["connection"] = 1, ["status 503"] = 1, ["timeout"] = 1 }, measurement.ErrorKinds);
        Assert.Null(measurement.Schedule);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_expected_status_list_decides_what_fails()
    {
        await Task.Yield();
        var clock = new RunClock(Start, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var recorder = new RunRecorder(clock, [new OperationCounters("missing", [404]), new OperationCounters("any", [])], null);
        var at = clock.WindowStart + Millisecond;

        recorder.RecordResponse(0, 404, clock.WindowStart, at);
        recorder.RecordResponse(0, 200, clock.WindowStart, at);
        recorder.RecordResponse(1, 302, clock.WindowStart, at);
        recorder.RecordResponse(1, 404, clock.WindowStart, at);
        var measurement = recorder.Build("requests", clock.WindowEnd);

        Assert.Equal(1, measurement.ByOperation[0].Failed);
        Assert.Equal(1, measurement.ByOperation[1].Failed);
        Assert.Equal(new Dictionary<string, long> { ["status 200"] = 1, ["status 404"] = 1 }, measurement.ErrorKinds);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_cancelled_run_keeps_the_part_of_the_window_it_measured()
    {
        await Task.Yield();
        var (clock, recorder) = Closed(warmUpSeconds: 0, durationSeconds: 10);
        recorder.RecordResponse(0, 200, clock.WindowStart, clock.WindowStart + (2 * Second) + Millisecond);

        clock.CloseAt(clock.WindowStart + (2500 * Millisecond));
        recorder.RecordResponse(0, 200, clock.WindowStart, clock.WindowStart + (2600 * Millisecond)); // after the cancellation
        var measurement = recorder.Build("requests", clock.WindowEnd);

        Assert.Equal(TimeSpan.FromSeconds(2.5), measurement.Window);
        Assert.Equal(3, measurement.PerSecond.Count);
        Assert.Equal(1, measurement.Succeeded);
    }

    [Fact(Timeout = 10_000)]
    public async Task Cancelled_during_warm_up_the_window_is_empty()
    {
        await Task.Yield();
        var (clock, recorder) = Closed(warmUpSeconds: 5, durationSeconds: 10);

        clock.CloseAt(Start + Second);
        var measurement = recorder.Build("requests", clock.WindowEnd);

        Assert.Equal(TimeSpan.Zero, measurement.Window);
        Assert.Empty(measurement.PerSecond);
        Assert.Equal(0, measurement.Throughput);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_schedule_counts_late_and_unsent_requests_due_in_the_window()
    {
        await Task.Yield();
        var clock = new RunClock(Start, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var schedule = new ScheduleRecorder(new OpenSchedule(Start, 10), 10, TimeSpan.FromMilliseconds(5), 0.2, clock);
        var recorder = new RunRecorder(clock, [new OperationCounters("get", [])], schedule);

        // Due at 0.0 … 1.9 s; the window holds 1.0 … 1.9 s: ten requests. Send seven, two of them late.
        for (var k = 0; k < 17; k++)
        {
            var lag = k is 12 or 15 ? 8 * Millisecond : Millisecond;
            schedule.RecordSend(schedule.Schedule.DueAt(k), lag);
        }
        var measured = recorder.Build("requests", clock.WindowEnd).Schedule!;

        Assert.Equal((10L, 7L, 2L, 3L), (measured.Scheduled, measured.Sent, measured.LateSends, measured.Unsent));
        Assert.Equal(8.0, measured.LagMaxMs, 1);
        Assert.Equal(0.5, measured.BehindFraction, 9);
        Assert.False(measured.Valid);
        Assert.Equal(10, measured.TargetRate);
    }

    private static (RunClock Clock, RunRecorder Recorder) Closed(int warmUpSeconds, int durationSeconds)
    {
        var clock = new RunClock(Start, TimeSpan.FromSeconds(warmUpSeconds), TimeSpan.FromSeconds(durationSeconds));
        return (clock, new RunRecorder(clock, [new OperationCounters("get", []), new OperationCounters("post", [201])], null));
    }
}
