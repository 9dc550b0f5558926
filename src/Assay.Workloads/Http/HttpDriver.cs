using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Workloads.Http;

/// <summary>
/// HTTP/1.1 load over raw sockets: keep-alive connections with one request in flight each, requests
/// serialized once, responses parsed just enough to find their status and end.
/// </summary>
/// <remarks>
/// Latency: in the closed model, from just before a request is written to when the last byte of its
/// response is read (wrk starts its timer at the same point); in the open model, from the request's
/// intended start on the schedule, so a stalled server cannot hide its delay by holding connections
/// (wrk2's method). Every response is a latency, failed ones included; timeouts and connection
/// errors are not.
/// <para>
/// I/O: on Linux x86-64 the connections run on epoll threads (one per core the process may use), wrk's
/// design, because the CPU a generator spends per request is part of what the lab reports; elsewhere
/// each connection is a Socket-based async loop (<see cref="HttpEngine"/>).
/// </para>
/// </remarks>
public sealed class HttpDriver(HttpEngine engine = HttpEngine.Auto) : IWorkloadDriver
{
    private const int ReceiveBufferBytes = 16 * 1024;
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(1);

    public async Task<WorkloadMeasurement> RunAsync(WorkloadRun run, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Plan is not HttpWorkloadPlan plan)
            throw new ArgumentException($"The HTTP driver cannot run a '{run.Plan.Driver}' workload.", nameof(run));
        if (run.Targets.Count == 0)
            throw new ArgumentException("The HTTP workload has no target URL to send requests to.", nameof(run));
        var endPoints = await ResolveAsync(run.Targets, cancellationToken);
        var connections = plan.Model switch
        {
            ClosedModel closed => closed.Connections,
            OpenModel open => open.MaxConnections,
            _ => throw new NotSupportedException($"The HTTP driver does not know the load model {plan.Model.GetType().Name}."),
        };
        if (connections < 1)
            throw new ArgumentException($"The HTTP workload needs at least one connection, not {connections}.", nameof(run));

        var clock = new RunClock(Stopwatch.GetTimestamp(), plan.WarmUp, plan.Duration);
        var schedule = plan.Model is OpenModel model
            ? new ScheduleRecorder(new OpenSchedule(clock.Start, model.RatePerSecond), model.RatePerSecond, model.LagTolerance, model.MaxLateFraction, clock)
            : null;
        var recorder = new RunRecorder(clock, [.. plan.Requests.Select(r => new OperationCounters(r.Name, r.ExpectedStatus))], schedule);
        var httpRun = new HttpRun(plan, run.Targets, run.Seed, clock, recorder);
        var reporter = new StageReporter(clock, recorder.Totals, progress);
        reporter.Report(WorkloadStage.WarmingUp, clock.Start);

        var loops = CreateLoops(httpRun, endPoints, connections, engine);
        using var watchdog = new ConnectionWatchdog([.. loops.OfType<ISocketLoop>().Select(l => l.Connection)], RunClock.ToTimeSpan(httpRun.TimeoutTicks));
        var running = Task.WhenAll(loops.Select(l => Task.Run(l.RunAsync, CancellationToken.None)));
        try
        {
            await reporter.RunUntilWindowClosesAsync(cancellationToken);
        }
        finally
        {
            httpRun.Stop();
            foreach (var loop in loops) loop.Stop();
            reporter.Report(WorkloadStage.Done, Stopwatch.GetTimestamp());
            await DrainAsync(running, loops);
            foreach (var loop in loops) (loop as IDisposable)?.Dispose();
        }
        return recorder.Build(plan.OperationUnit, clock.WindowEnd);
    }

    /// <summary>
    /// Both models run on epoll threads where Linux allows (<see cref="HttpEngine.Auto"/>); elsewhere, or when
    /// asked, on Socket-based loops, one async loop per connection.
    /// </summary>
    private static IConnectionLoop[] CreateLoops(HttpRun run, EndPoint[] endPoints, int connections, HttpEngine engine)
    {
        var slots = Enumerable.Range(0, connections).Select(i => (EndPoint: endPoints[i % endPoints.Length], Target: i % endPoints.Length, Index: i)).ToArray();
        if (engine != HttpEngine.Sockets && Epoll.Native.IsSupported)
        {
            // One loop per core the process may use (a pinned load generator gets exactly one).
            var threads = Math.Min(connections, Environment.ProcessorCount);
            return [.. Enumerable.Range(0, threads).Select(t => new Epoll.EpollLoop(run, [.. slots.Where(s => s.Index % threads == t)]))];
        }
        var timeout = RunClock.ToTimeSpan(run.TimeoutTicks);
        return [.. slots.Select(s =>
        {
            var connection = new HttpConnection(s.EndPoint, ReceiveBufferBytes);
            return run.Plan.Model is ClosedModel
                ? (IConnectionLoop)new ClosedLoop(run, connection, s.Target, s.Index, new PacingTimer())
                : new OpenLoop(run, connection, s.Target, s.Index, new PacingTimer());
        })];
    }

    /// <summary>Gives in-flight requests a moment to finish (they no longer count), then aborts them.</summary>
    private static async Task DrainAsync(Task running, IConnectionLoop[] loops)
    {
        try
        {
            await running.WaitAsync(DrainLimit);
        }
        catch (TimeoutException)
        {
            // Requests still in flight after the limit: closing their connections and ending their waits stops them now.
        }
        foreach (var loop in loops) loop.Abort();
        await running;
    }

    private static async Task<EndPoint[]> ResolveAsync(IReadOnlyList<Uri> targets, CancellationToken cancellationToken)
    {
        var endPoints = new EndPoint[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (!target.IsAbsoluteUri || target.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"The HTTP driver sends plain HTTP/1.1; the target '{target}' is not an http:// URL.", nameof(targets));
            var address = target.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
                ? IPAddress.Parse(target.DnsSafeHost)
                : (await Dns.GetHostAddressesAsync(target.DnsSafeHost, cancellationToken))
                    .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
                    .FirstOrDefault()
                  ?? throw new ArgumentException($"The target host '{target.DnsSafeHost}' has no address.", nameof(targets));
            endPoints[i] = new IPEndPoint(address, target.Port);
        }
        return endPoints;
    }
}
