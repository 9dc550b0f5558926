using System.Diagnostics;
using Assay.Core.Measurements;

namespace Assay.Workloads.PubSub;

/// <summary>
/// Counts deliveries of all subscribers by the intended send time of their message: nothing but totals for
/// messages due during warm-up, the full record for messages due inside the window (whenever they arrive,
/// drain included). A message that is not this run's has no send time and counts when it arrives.
/// </summary>
internal sealed class DeliveryRecorder
{
    private readonly PubSubRun _run;
    private readonly long[] _succeededPerSecond;
    private readonly long[] _failedPerSecond;
    private long _inOrder;
    private long _reordered;
    private long _duplicates;
    private long _malformed;
    private long _warmUpSucceeded;
    private long _warmUpFailed;

    public DeliveryRecorder(PubSubRun run)
    {
        _run = run;
        var clock = run.Clock;
        var seconds = (int)Math.Ceiling((clock.PlannedWindowEnd - clock.WindowStart) / (double)Stopwatch.Frequency);
        _succeededPerSecond = new long[seconds + 1];
        _failedPerSecond = new long[seconds + 1];
    }

    public LatencyHistogram Latency { get; } = LatencyHistogram.CreateConcurrent();

    public long InOrder => Volatile.Read(ref _inOrder);

    public long Reordered => Volatile.Read(ref _reordered);

    public long Duplicates => Volatile.Read(ref _duplicates);

    public long Malformed => Volatile.Read(ref _malformed);

    /// <param name="due">The message's intended send time (its arrival for a malformed one).</param>
    public void Count(Delivery delivery, long due, long arrived)
    {
        var failed = delivery != Delivery.InOrder;
        if (due < _run.Clock.WindowStart)
        {
            Interlocked.Increment(ref failed ? ref _warmUpFailed : ref _warmUpSucceeded);
            return;
        }
        // A malformed message counts until the drain ends; a message of this run only when it was due in the window.
        if (delivery != Delivery.Malformed && due >= _run.Clock.WindowEnd) return;
        Interlocked.Increment(ref CounterOf(delivery));
        CountInSecond(due, failed);
        if (delivery is Delivery.InOrder or Delivery.Reordered) Latency.RecordMicroseconds(SubscriberTally.LatencyMicroseconds(due, arrived));
    }

    /// <summary>A message of the window that never arrived, counted in the second it was due.</summary>
    public void CountLost(long due) => CountInSecond(due, failed: true);

    /// <summary>Succeeded and failed deliveries so far during warm-up, or inside the window.</summary>
    public (long Succeeded, long Failed) Totals(WorkloadStage stage) => stage == WorkloadStage.WarmingUp
        ? (Volatile.Read(ref _warmUpSucceeded), Volatile.Read(ref _warmUpFailed))
        : (Sum(_succeededPerSecond), Sum(_failedPerSecond));

    public IReadOnlyList<SecondCount> PerSecond(TimeSpan window)
    {
        var seconds = Math.Min((int)Math.Ceiling(window.TotalSeconds), _succeededPerSecond.Length);
        return [.. Enumerable.Range(0, seconds)
            .Select(s => new SecondCount(s, Volatile.Read(ref _succeededPerSecond[s]), Volatile.Read(ref _failedPerSecond[s])))];
    }

    private ref long CounterOf(Delivery delivery)
    {
        switch (delivery)
        {
            case Delivery.InOrder: return ref _inOrder;
            case Delivery.Reordered: return ref _reordered;
            case Delivery.Duplicate: return ref _duplicates;
            default: return ref _malformed;
        }
    }

    private void CountInSecond(long at, bool failed)
    {
        var second = Math.Clamp((int)((at - _run.Clock.WindowStart) / Stopwatch.Frequency), 0, _succeededPerSecond.Length - 1);
        Interlocked.Increment(ref (failed ? _failedPerSecond : _succeededPerSecond)[second]);
    }

    private static long Sum(long[] counts)
    {
        long sum = 0;
        for (var i = 0; i < counts.Length; i++) sum += Volatile.Read(ref counts[i]);
        return sum;
    }
}
