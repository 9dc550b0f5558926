using Assay.Workloads.Http;
using Assay.Workloads.Tests.Servers;

namespace Assay.Workloads.Tests.Http;

/// <summary>The HTTP driver's open model on both engines: schedule keeping, and telling the generator's lag from the server's.</summary>
public class HttpDriverOpenModelTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task Sends_every_request_due_in_the_window_on_time(HttpEngine engine)
    {
        await using var server = new TestHttpServer(_ => new TestResponse());

        // Connections to spare, so that the test server (sharing busy cores with the driver) is never what holds requests back.
        var measurement = await Plans.RunAsync(engine, Plans.Open(rate: 200, connections: 16, warmUpSeconds: 1, durationSeconds: 2), server.Url);

        var schedule = measurement.Schedule!;
        Assert.Equal(400, schedule.Scheduled);
        Assert.Equal(400, schedule.Sent);
        Assert.Equal(0, schedule.Unsent);
        Assert.True(schedule.Valid, schedule.Reason);
        Assert.Null(measurement.InvalidReason);
        // Counted by completion time: requests in flight when the window closes do not count, and warm-up
        // requests answered just after it opens do, so the total is 400 give or take what can be in flight.
        Assert.InRange(measurement.Total, 400 - 16, 400 + 16);
        Assert.Equal(0, measurement.Failed);
        Assert.InRange(measurement.Throughput, (400 - 16) / 2.0, (400 + 16) / 2.0);
        Assert.True(schedule.LagP99Ms < 100, $"generator lag p99 {schedule.LagP99Ms} ms");
        Assert.True(server.Requests >= 590, "warm-up requests follow the schedule too");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task A_starved_generator_makes_the_measurement_invalid(HttpEngine engine)
    {
        await using var server = new TestHttpServer(_ => new TestResponse());

        // A million requests a second over one connection: impossible, and the result must say so.
        var measurement = await Plans.RunAsync(engine, Plans.Open(rate: 1_000_000, connections: 1, warmUpSeconds: 0, durationSeconds: 1), server.Url);

        var schedule = measurement.Schedule!;
        Assert.Equal(1_000_000, schedule.Scheduled);
        Assert.True(schedule.Unsent > 900_000, $"{schedule.Unsent} unsent");
        Assert.False(schedule.Valid);
        Assert.Contains("fell behind its schedule", measurement.InvalidReason, StringComparison.Ordinal);
    }

    // Not on the Socket engine: its pacing timers are the thread pool's, and on a test host sharing two busy
    // cores they fire late often enough during the stall to be reported, rightly, as the generator's own lag.
    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    public async Task A_server_stall_shows_as_latency_not_as_invalidity(HttpEngine engine)
    {
        var stallFrom = DateTime.MaxValue;
        await using var server = new TestHttpServer(_ =>
        {
            var now = DateTime.UtcNow;
            return new TestResponse(Delay: now >= stallFrom && now < stallFrom.AddMilliseconds(400) ? TimeSpan.FromMilliseconds(400) : TimeSpan.Zero);
        });
        var progress = new ProgressLog
        {
            OnReport = p =>
            {
                if (p.Stage == Assay.Core.Measurements.WorkloadStage.Measuring && stallFrom == DateTime.MaxValue) stallFrom = DateTime.UtcNow.AddMilliseconds(500);
            },
        };

        // 100/s over 20 connections: the stall holds every connection and requests queue behind it.
        var measurement = await Plans.RunAsync(engine, Plans.Open(rate: 100, connections: 20, warmUpSeconds: 1, durationSeconds: 2), server.Url, progress);

        var schedule = measurement.Schedule!;
        Assert.True(schedule.Valid, schedule.Reason);
        Assert.True(schedule.Unsent == 0, $"{schedule}");
        Assert.True(schedule.LateSends <= 2, $"{schedule.LateSends} late sends: the stall was blamed on the generator");
        Assert.Equal(0, measurement.Failed);
        var latency = measurement.Latency();
        Assert.True(latency.MaxMs >= 400, $"max latency {latency.MaxMs} ms: the stall is hidden");
        Assert.True(latency.PercentileMs(50) < 50, $"median latency {latency.PercentileMs(50)} ms");
    }
}
