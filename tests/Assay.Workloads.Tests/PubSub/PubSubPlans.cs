using System.Diagnostics;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Http;
using Assay.Workloads.PubSub;

namespace Assay.Workloads.Tests.PubSub;

/// <summary>Short pubsub plans for tests, and the pieces of a run for tests of its parts.</summary>
internal static class PubSubPlans
{
    /// <summary>
    /// As for the HTTP driver's tests (Http/Plans.cs): on two cores shared with builds, compiling a method on
    /// first use can hold the thread pool's few threads, and the timers publishers pace by fire late. More
    /// ready threads keep timer callbacks flowing; the lag would be the test host's, not the driver's.
    /// </summary>
    private static readonly bool ThreadPoolPrepared = PrepareThreadPool();

    private static bool PrepareThreadPool()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        return ThreadPool.SetMinThreads(Math.Max(workers, 32), completionPorts);
    }

    /// <summary>
    /// A plan for a test. The lag tolerance is generous because tests share two busy cores with builds: a
    /// timer can fire tens of milliseconds late there, which is the test host's lag, not what a test is about.
    /// </summary>
    public static PubSubWorkloadPlan Plan(
        double rate = 200, int publishers = 1, int subscribers = 1, bool persistent = false, int qos = 0, int messageBytes = 256,
        double warmUpSeconds = 0.5, double durationSeconds = 2, double drainSeconds = 5, string subject = "assay.test") => new(
        new TargetPlan("broker", null, null),
        rate,
        publishers,
        subscribers,
        messageBytes,
        persistent,
        qos,
        subject,
        MaxInFlight: 1000,
        TimeSpan.FromSeconds(drainSeconds),
        LagTolerance: TimeSpan.FromMilliseconds(200),
        MaxLateFraction: 0.05,
        TimeSpan.FromSeconds(warmUpSeconds),
        TimeSpan.FromSeconds(durationSeconds),
        TimeSpan.FromSeconds(10));

    public static Task<WorkloadMeasurement> RunAsync(PubSubWorkloadPlan plan, IReadOnlyList<TargetEndpoint> endpoints, CancellationToken cancellationToken = default)
    {
        Assert.True(ThreadPoolPrepared);
        return new PubSubDriver().RunAsync(
            new WorkloadRun(plan, new Dictionary<string, IReadOnlyList<TargetEndpoint>> { [WorkloadPlan.TargetRole] = endpoints }, Seed: 7), null, cancellationToken);
    }

    /// <summary>A run whose window opens now (no warm-up), for feeding a subscriber crafted messages.</summary>
    public static PubSubRun WindowOpenNow(PubSubWorkloadPlan plan, int runMark = 12345) =>
        new(plan, new RunClock(Stopwatch.GetTimestamp(), TimeSpan.Zero, plan.Duration), runMark);

    /// <summary>A message body as publisher <paramref name="publisher"/> would send its message <paramref name="sequence"/>.</summary>
    public static byte[] Message(PubSubRun run, int publisher, long sequence)
    {
        var body = run.Format.NewMessage();
        run.Format.Write(body, publisher, sequence, run.DueAt(publisher, sequence));
        return body;
    }
}
