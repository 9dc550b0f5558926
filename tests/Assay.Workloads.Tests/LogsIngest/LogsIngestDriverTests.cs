using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.LogsIngest;

namespace Assay.Workloads.Tests.LogsIngest;

/// <summary>The logs-ingest driver against a Loki HTTP API stand-in (<see cref="FakeLoki"/>): push, queries, verification.</summary>
public sealed class LogsIngestDriverTests
{
    [Fact(Timeout = 60_000)]
    public async Task Lines_are_pushed_at_the_rate_queried_and_all_found_at_the_end()
    {
        await using var loki = new FakeLoki();
        var plan = LogsIngestPlans.Plan(rate: 100, services: 5, warmUpSeconds: 1, durationSeconds: 3);
        var progress = new List<WorkloadProgress>();

        var measurement = await new LogsIngestDriver().RunAsync(LogsIngestPlans.Run(plan, loki.Url), new SyncProgress(progress), CancellationToken.None);

        var push = measurement.ByOperation.Single(o => o.Name == LogsIngestWorkloadPlan.PushOperation);
        Assert.Equal(0, push.Failed);
        // 100 lines/s for 3 s of window; batches straddle its edges, so allow a batch or two either way.
        Assert.InRange(push.Total, 250, 350);
        Assert.Equal(loki.Received, (long)measurement.Stats["pushed"]);
        Assert.Equal(measurement.Stats["pushed"], measurement.Stats["found"]);
        Assert.Equal(0, measurement.Stats["lost"]);
        Assert.InRange(measurement.Stats["pushed"], 350, 450); // warm-up included
        foreach (var query in LogsIngestPlans.Queries)
        {
            var operation = measurement.ByOperation.Single(o => o.Name == query.Name);
            Assert.True(operation.Total >= 3, $"{query.Name} ran {operation.Total} times in 3 s at one round per 500 ms");
            Assert.Equal(0, operation.Failed);
            Assert.Equal(operation.Total, operation.Latency.Count);
        }
        Assert.Empty(measurement.ErrorKinds);
        Assert.Equal(WorkloadStage.Done, progress[^1].Stage);
        Assert.Contains(progress, p => p.Stage == WorkloadStage.Measuring);
    }

    [Fact(Timeout = 60_000)]
    public async Task Lines_the_store_acknowledged_and_lost_fail_as_pushes()
    {
        await using var loki = new FakeLoki { DropEvery = 10 };
        var plan = LogsIngestPlans.Plan(rate: 100, services: 3, warmUpSeconds: 0.5, durationSeconds: 2, queries: []);

        var measurement = await new LogsIngestDriver().RunAsync(LogsIngestPlans.Run(plan, loki.Url), null, CancellationToken.None);

        var lost = measurement.Stats["lost"];
        Assert.Equal(loki.Received - loki.Stored, lost);
        Assert.True(lost > 0, "a tenth of the lines were dropped");
        Assert.Equal(measurement.Stats["pushed"] - lost, measurement.Stats["found"]);
        Assert.Equal((long)lost, measurement.ErrorKinds["lost"]);
        Assert.Equal((long)lost, measurement.ByOperation.Single(o => o.Name == LogsIngestWorkloadPlan.PushOperation).Failed);
        Assert.True(measurement.ErrorRate > 0.05, $"error rate {measurement.ErrorRate}: losing 10% of the lines must show");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_trace_search_that_answers_without_the_trace_is_a_wrong_answer()
    {
        await using var loki = new FakeLoki { IgnoreLineFilters = true };
        var plan = LogsIngestPlans.Plan(rate: 200, services: 5, warmUpSeconds: 1, durationSeconds: 2);

        var measurement = await new LogsIngestDriver().RunAsync(LogsIngestPlans.Run(plan, loki.Url), null, CancellationToken.None);

        var trace = measurement.ByOperation.Single(o => o.Name == "trace-id");
        Assert.True(trace.Total > 0);
        // Without its filter the answer is the newest 100 lines, which rarely hold the trace chosen from all acknowledged ones.
        Assert.True(trace.Failed > 0, "no trace query failed although the store ignored the trace id");
        Assert.Equal(trace.Failed, measurement.ErrorKinds["trace not found"]);
        Assert.Equal(0, measurement.ByOperation.Single(o => o.Name == "label-filter").Failed);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_store_that_refuses_connections_fails_every_push_and_nothing_is_verified()
    {
        var port = FreeLoopbackPort();
        var plan = LogsIngestPlans.Plan(rate: 50, services: 2, warmUpSeconds: 0, durationSeconds: 1, queries: []);

        var measurement = await new LogsIngestDriver().RunAsync(LogsIngestPlans.Run(plan, new Uri($"http://127.0.0.1:{port}")), null, CancellationToken.None);

        var push = measurement.ByOperation.Single();
        Assert.True(push.Total > 0);
        Assert.Equal(push.Total, push.Failed);
        Assert.True(measurement.ErrorKinds.ContainsKey("connection"));
        Assert.Equal(0, measurement.Stats["pushed"]);
        Assert.DoesNotContain("found", measurement.Stats.Keys);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancellation_returns_the_partial_measurement()
    {
        await using var loki = new FakeLoki();
        var plan = LogsIngestPlans.Plan(rate: 100, services: 2, warmUpSeconds: 0, durationSeconds: 30);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var measurement = await new LogsIngestDriver().RunAsync(LogsIngestPlans.Run(plan, loki.Url), null, cancel.Token);

        Assert.InRange(measurement.Window.TotalSeconds, 1, 10);
        Assert.True(measurement.ByOperation.Single(o => o.Name == LogsIngestWorkloadPlan.PushOperation).Total > 0);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Keeps every report, in order, on the reporting thread.</summary>
    private sealed class SyncProgress(List<WorkloadProgress> reports) : IProgress<WorkloadProgress>
    {
        public void Report(WorkloadProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
