using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Http;
using Assay.Workloads.Tests.Servers;

namespace Assay.Workloads.Tests.Http;

/// <summary>The HTTP driver's closed model against the controllable test server, on both of its engines.</summary>
public class HttpDriverTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task Counts_every_response_of_the_window_by_request_and_reports_each_stage(HttpEngine engine)
    {
        var posted = 0;
        await using var server = new TestHttpServer(r =>
        {
            if (r.Method == "POST" && r.Body == "{\"n\":1}") Interlocked.Increment(ref posted);
            return new TestResponse(Body: "hello");
        });
        var post = new HttpRequestPlan("post", 1, "POST", "/b", "{\"n\":1}", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, []);
        var plan = Plans.Closed(4, warmUpSeconds: 0.5, durationSeconds: 1.5, requests: [Plans.Get("get", "/a", weight: 3), post]);
        var progress = new ProgressLog();

        var measurement = await Plans.RunAsync(engine, plan, server.Url, progress);

        Assert.Equal(TimeSpan.FromSeconds(1.5), measurement.Window);
        Assert.Equal("requests", measurement.Unit);
        Assert.Equal(0, measurement.Failed);
        Assert.Empty(measurement.ErrorKinds);
        Assert.Null(measurement.Schedule);
        Assert.Equal(["get", "post"], measurement.ByOperation.Select(o => o.Name));
        Assert.All(measurement.ByOperation, o =>
        {
            Assert.True(o.Total > 0, $"{o.Name}: no requests");
            Assert.Equal(o.Total, o.StatusCounts[200]);
            Assert.Equal(o.Total, o.Latency.Count);
        });
        Assert.True(measurement.ByOperation[0].Total > measurement.ByOperation[1].Total, "the 3:1 mix sent fewer GETs than POSTs");
        Assert.True(posted >= measurement.ByOperation[1].Total);
        Assert.True(server.Requests > measurement.Total, "warm-up requests are sent but not counted");
        Assert.Equal(2, measurement.PerSecond.Count);
        Assert.Equal(measurement.Succeeded, measurement.PerSecond.Sum(s => s.Succeeded));

        var changes = progress.Stages.Where((s, i) => i == 0 || s != progress.Stages[i - 1]);
        Assert.Equal([WorkloadStage.WarmingUp, WorkloadStage.Measuring, WorkloadStage.Done], changes);
        Assert.Single(progress.Stages, s => s == WorkloadStage.Done);
        Assert.Equal(measurement.Succeeded, progress.Reports[^1].Succeeded);
        Assert.InRange(progress.Reports.First(r => r.Stage == WorkloadStage.Measuring).ElapsedSeconds, 0.5, 1.5); // not before the window; how late depends on a loaded machine
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task An_unexpected_status_is_a_failure_with_its_latency_recorded(HttpEngine engine)
    {
        await using var server = new TestHttpServer(r => new TestResponse(r.Path == "/fail" ? 500 : 404));
        var plan = Plans.Closed(2, 0, 1, requests: [Plans.Get("fail", "/fail"), Plans.Get("missing", "/missing", 1, 404)]);

        var measurement = await Plans.RunAsync(engine, plan, server.Url);

        var fail = measurement.ByOperation[0];
        var missing = measurement.ByOperation[1];
        Assert.True(fail.Total > 0 && missing.Total > 0);
        Assert.Equal(fail.Total, fail.Failed);
        Assert.Equal(fail.Total, fail.Latency.Count);
        Assert.Equal(0, missing.Failed);
        Assert.Equal(new Dictionary<string, long> { ["status 500"] = fail.Total }, measurement.ErrorKinds);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task Chunked_responses_and_Connection_close_are_followed_by_reconnecting(HttpEngine engine)
    {
        await using var server = new TestHttpServer(r => new TestResponse(Body: "a chunked body", Chunked: true, Close: r.Path == "/close"));
        var plan = Plans.Closed(2, 0, 1, requests: [Plans.Get("close", "/close"), Plans.Get("keep", "/keep")]);

        var measurement = await Plans.RunAsync(engine, plan, server.Url);

        Assert.True(measurement.Total > 20, $"only {measurement.Total} requests");
        Assert.Equal(0, measurement.Failed);
        Assert.True(server.ConnectionsAccepted >= measurement.ByOperation[0].Total, "each Connection: close needs a new connection");
        Assert.True(server.ConnectionsAccepted < server.Requests, "keep-alive responses reuse their connection");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task A_HEAD_response_has_no_body_whatever_its_Content_Length(HttpEngine engine)
    {
        await using var server = new TestHttpServer(_ => new TestResponse(Body: "thirteen byte"));
        var head = new HttpRequestPlan("head", 1, "HEAD", "/", null, new Dictionary<string, string>(), []);

        var measurement = await Plans.RunAsync(engine, Plans.Closed(1, 0, 0.5, timeoutSeconds: 0.3, requests: [head]), server.Url);

        Assert.True(measurement.Succeeded > 10);
        Assert.Equal(0, measurement.Failed);
        Assert.Equal(1, server.ConnectionsAccepted);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task A_request_past_its_timeout_fails_without_a_latency_and_the_connection_is_reopened(HttpEngine engine)
    {
        await using var server = new TestHttpServer(_ => new TestResponse(Delay: TimeSpan.FromSeconds(5)));

        var measurement = await Plans.RunAsync(engine, Plans.Closed(2, 0, 1.2, timeoutSeconds: 0.2), server.Url);

        var timeouts = measurement.ErrorKinds["timeout"];
        Assert.InRange(timeouts, 6, 14); // 2 connections × 1.2 s / 0.2 s
        Assert.Equal(timeouts, measurement.Failed);
        Assert.Equal(0, measurement.Latency().Count);
        Assert.True(server.ConnectionsAccepted >= timeouts, "a timed-out connection is closed and reopened");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task A_refused_connection_is_a_failure_and_the_driver_backs_off(HttpEngine engine)
    {
        using var closed = BoundButNotListening();

        var measurement = await Plans.RunAsync(engine, Plans.Closed(2, 0, 1), new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}"));

        var failures = measurement.ErrorKinds["connection"];
        Assert.Equal(failures, measurement.Failed);
        Assert.InRange(failures, 2, 2 * 10); // 10, 20, 40 … ms pauses: about 7 attempts a second per connection
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task Cancelling_returns_the_part_of_the_window_measured_so_far(HttpEngine engine)
    {
        await using var server = new TestHttpServer(_ => new TestResponse());
        using var cancel = new CancellationTokenSource();
        var measuring = 0;
        var progress = new ProgressLog
        {
            OnReport = p =>
            {
                if (p.Stage == WorkloadStage.Measuring && Interlocked.Exchange(ref measuring, 1) == 0) cancel.CancelAfter(TimeSpan.FromSeconds(1.2));
            },
        };
        var watch = Stopwatch.StartNew();

        var measurement = await Plans.RunAsync(engine, Plans.Closed(2, 0.2, 30), server.Url, progress, cancel.Token);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.InRange(measurement.Window.TotalSeconds, 1.1, 1.8);
        Assert.True(measurement.Succeeded > 0);
        Assert.Equal(2, measurement.PerSecond.Count);
        Assert.Equal(WorkloadStage.Done, progress.Stages[^1]);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task Cancelling_during_warm_up_returns_an_empty_window(HttpEngine engine)
    {
        await using var server = new TestHttpServer(_ => new TestResponse());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(0.3));

        var measurement = await Plans.RunAsync(engine, Plans.Closed(2, 10, 10), server.Url, null, cancel.Token);

        Assert.Equal(TimeSpan.Zero, measurement.Window);
        Assert.Equal(0, measurement.Total);
        Assert.True(server.Requests > 0, "warm-up requests were sent");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task Connections_are_spread_round_robin_over_the_targets(HttpEngine engine)
    {
        await using var first = new TestHttpServer(_ => new TestResponse());
        await using var second = new TestHttpServer(_ => new TestResponse());
        var plan = Plans.Closed(4, 0, 0.5);

        var measurement = await new HttpDriver(engine).RunAsync(new WorkloadRun(plan, [first.Url, second.Url], 3), null, CancellationToken.None);

        Assert.Equal(0, measurement.Failed);
        Assert.Equal(2, first.ConnectionsAccepted);
        Assert.Equal(2, second.ConnectionsAccepted);
        Assert.True(first.Requests > 0 && second.Requests > 0);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task A_think_time_paces_each_connection(HttpEngine engine)
    {
        await using var server = new TestHttpServer(_ => new TestResponse());
        var model = new ClosedModel(2, TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(110));

        var measurement = await Plans.RunAsync(engine, Plans.Http(model, 0, 1, 5, []), server.Url);

        Assert.InRange(measurement.Total, 14, 22); // 2 connections × 1 s / ~0.1 s
        Assert.Equal(0, measurement.Failed);
    }

    /// <summary>Holds a port nobody listens on, so connections to it are refused.</summary>
    private static Socket BoundButNotListening()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
