using System.Collections.Concurrent;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Http;

namespace Assay.Workloads.Tests.Http;

/// <summary>Short plans for functional tests, and a progress sink that keeps every report in order.</summary>
internal static class Plans
{
    /// <summary>
    /// These tests share two cores with parallel builds. There, compiling a method on first use can hold
    /// the thread pool's two minimum threads for hundreds of milliseconds, and the timers the open model
    /// paces by fire that late: the driver rightly reports lag, but it is the test host's, not what the
    /// tests are about. More ready threads keep timer callbacks flowing while another thread compiles.
    /// </summary>
    private static readonly bool ThreadPoolPrepared = PrepareThreadPool();

    private static bool PrepareThreadPool()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        return ThreadPool.SetMinThreads(Math.Max(workers, 32), completionPorts);
    }

    public static HttpRequestPlan Get(string name = "get", string path = "/", double weight = 1, params int[] expected) =>
        new(name, weight, "GET", path, null, new Dictionary<string, string>(), expected);

    public static HttpWorkloadPlan Closed(int connections, double warmUpSeconds, double durationSeconds, double timeoutSeconds = 5, params HttpRequestPlan[] requests) =>
        Http(new ClosedModel(connections, TimeSpan.Zero, TimeSpan.Zero), warmUpSeconds, durationSeconds, timeoutSeconds, requests);

    /// <summary>
    /// An open-model plan. The lag tolerance is generous because tests share two busy cores with builds:
    /// a timer can fire tens of milliseconds late there, which is the generator's lag but not what these tests are about.
    /// </summary>
    public static HttpWorkloadPlan Open(double rate, int connections, double warmUpSeconds, double durationSeconds, double lagToleranceMs = 100, double maxLateFraction = 0.02) =>
        Http(new OpenModel(rate, connections, TimeSpan.FromMilliseconds(lagToleranceMs), maxLateFraction), warmUpSeconds, durationSeconds, 5, []);

    public static HttpWorkloadPlan Http(LoadModel model, double warmUpSeconds, double durationSeconds, double timeoutSeconds, HttpRequestPlan[] requests) => new(
        new TargetPlan("test", null, null),
        requests.Length == 0 ? [Get()] : requests,
        model,
        TimeSpan.FromSeconds(warmUpSeconds),
        TimeSpan.FromSeconds(durationSeconds),
        TimeSpan.FromSeconds(timeoutSeconds));

    public static Task<WorkloadMeasurement> RunAsync(HttpWorkloadPlan plan, Uri target, IProgress<WorkloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(HttpEngine.Auto, plan, target, progress, cancellationToken);

    public static Task<WorkloadMeasurement> RunAsync(HttpEngine engine, HttpWorkloadPlan plan, Uri target, IProgress<WorkloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Assert.True(ThreadPoolPrepared);
        return new HttpDriver(engine).RunAsync(new WorkloadRun(plan, [target], 1), progress, cancellationToken);
    }
}

/// <summary>Keeps progress reports synchronously, in the order the driver sent them.</summary>
internal sealed class ProgressLog : IProgress<WorkloadProgress>
{
    private readonly ConcurrentQueue<WorkloadProgress> _reports = new();

    public Action<WorkloadProgress>? OnReport { get; init; }

    public IReadOnlyList<WorkloadProgress> Reports => [.. _reports];

    public IReadOnlyList<WorkloadStage> Stages => [.. _reports.Select(r => r.Stage)];

    public void Report(WorkloadProgress value)
    {
        _reports.Enqueue(value);
        OnReport?.Invoke(value);
    }
}
