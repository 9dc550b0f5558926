using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Sessions;

namespace Assay.Workloads.Tests.Sessions;

/// <summary>The engine the sql and kv drivers share, with sessions that answer from memory.</summary>
public sealed class SessionEngineTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.5);

    [Fact(Timeout = 30_000)]
    public async Task The_closed_model_counts_each_operation_and_note_inside_the_window()
    {
        var stages = new List<WorkloadStage>();
        var workload = Workload(new ClosedModel(4, TimeSpan.Zero, TimeSpan.Zero), weights: [3, 1]);

        var measurement = await SessionEngine.RunAsync(workload, Open(_ => new FakeSession(TimeSpan.FromMilliseconds(2))),
            new SynchronousProgress(p => stages.Add(p.Stage)), CancellationToken.None);

        Assert.Equal([WorkloadStage.WarmingUp, WorkloadStage.Measuring, WorkloadStage.Done], stages.Distinct());
        Assert.Equal(Window, measurement.Window);
        var (reads, writes) = (measurement.ByOperation[0], measurement.ByOperation[1]);
        Assert.True(reads.Total > 2 * writes.Total, $"the mix is 3:1, got {reads.Total}:{writes.Total}");
        Assert.Equal(measurement.Total, (long)measurement.Stats["ticks"]);
        Assert.Equal(0, measurement.Failed);
        Assert.Equal(reads.Total, reads.Latency.Count);
        Assert.InRange(reads.Latency.PercentileMs(50), 1.5, 500);
        Assert.Equal(measurement.Total, measurement.PerSecond.Sum(s => s.Succeeded));
        Assert.Null(measurement.Schedule);
    }

    [Fact(Timeout = 30_000)]
    public async Task Wrong_answers_are_errors_with_latency_and_lost_connections_are_errors_without()
    {
        var opened = 0;
        var workload = Workload(new ClosedModel(2, TimeSpan.Zero, TimeSpan.Zero), weights: [1]);

        var measurement = await SessionEngine.RunAsync(
            workload,
            // Every session breaks after 20 operations, so sessions break inside the measured window however long warm-up takes.
            Open(_ =>
            {
                Interlocked.Increment(ref opened);
                return new FakeSession(TimeSpan.FromMilliseconds(1), failEvery: 5) { BreakAfter = 20 };
            }),
            null, CancellationToken.None);

        var operation = measurement.ByOperation[0];
        Assert.True(measurement.ErrorKinds[ErrorKinds.Verification] > 0);
        Assert.True(measurement.ErrorKinds[ErrorKinds.Connection] > 0);
        Assert.Equal(operation.Failed, measurement.ErrorKinds.Values.Sum());
        Assert.Equal(operation.Total - measurement.ErrorKinds[ErrorKinds.Connection], operation.Latency.Count);
        Assert.True(opened > 2, "a broken session is replaced by a new one");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_open_model_keeps_its_schedule_and_says_so()
    {
        var workload = Workload(new OpenModel(200, 8, TimeSpan.FromMilliseconds(100), 0.2), weights: [1]);

        var measurement = await SessionEngine.RunAsync(workload, Open(_ => new FakeSession(TimeSpan.FromMilliseconds(5))), null, CancellationToken.None);

        var schedule = Assert.IsType<ScheduleMeasurement>(measurement.Schedule);
        Assert.Equal(300, schedule.Scheduled);
        Assert.InRange(measurement.Total, 270, 310);
        Assert.True(schedule.Valid, $"{schedule.LateSends} late, {schedule.Unsent} unsent");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_server_that_refuses_every_connection_fails_the_run_before_it_starts()
    {
        var workload = Workload(new ClosedModel(3, TimeSpan.Zero, TimeSpan.Zero), weights: [1]);
        var failure = await Assert.ThrowsAsync<IOException>(() => SessionEngine.RunAsync(
            workload, (_, _) => Task.FromException<ISession>(new IOException("connection refused")), null, CancellationToken.None));
        Assert.Equal("connection refused", failure.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancellation_returns_what_was_measured_so_far()
    {
        using var cancel = new CancellationTokenSource();
        var workload = Workload(new ClosedModel(2, TimeSpan.Zero, TimeSpan.Zero), weights: [1]) with { WarmUp = TimeSpan.Zero, Duration = TimeSpan.FromMinutes(5) };
        var sessions = new List<FakeSession>();

        var running = SessionEngine.RunAsync(workload, Open(_ =>
        {
            var session = new FakeSession(TimeSpan.FromMilliseconds(1));
            lock (sessions) sessions.Add(session);
            return session;
        }), null, cancel.Token);
        await Task.Delay(700);
        await cancel.CancelAsync();
        var measurement = await running;

        Assert.InRange(measurement.Window.TotalSeconds, 0.5, 10);
        Assert.True(measurement.Total > 0);
        Assert.All(sessions, s => Assert.True(s.Disposed, "every session is closed"));
    }

    private static SessionWorkload Workload(LoadModel model, double[] weights) =>
        new([.. weights.Select((_, i) => $"op{i}")], weights, ["ticks"], model, TimeSpan.FromSeconds(0.3), Window, "operations", 11);

    private static SessionOpener Open(Func<int, ISession> create) => (index, _) => Task.FromResult(create(index));

    /// <summary>Answers after a delay; every n-th answer wrong; breaks after a number of operations.</summary>
    private sealed class FakeSession(TimeSpan delay, int failEvery = 0) : ISession
    {
        private int _count;

        public int BreakAfter { get; init; } = int.MaxValue;

        public bool Disposed { get; private set; }

        public bool IsUsable => _count < BreakAfter;

        public async ValueTask<Outcome> RunAsync(int operation, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            var count = ++_count;
            if (count >= BreakAfter) return Outcome.Unanswered(ErrorKinds.Connection);
            return failEvery > 0 && count % failEvery == 0 ? Outcome.Wrong(ErrorKinds.Verification) : Outcome.SuccessWith(0);
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class SynchronousProgress(Action<WorkloadProgress> report) : IProgress<WorkloadProgress>
    {
        private readonly Lock _gate = new();

        public void Report(WorkloadProgress value)
        {
            lock (_gate) report(value);
        }
    }
}
