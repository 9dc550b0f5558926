using System.Diagnostics;
using Assay.Core.Measurements;

namespace Assay.Workloads.Http;

/// <summary>
/// Counts what the connections observe, by completion time: nothing but totals during warm-up, the
/// full record inside the measured window, nothing after it. Safe for many connections at once.
/// </summary>
internal sealed class RunRecorder
{
    private readonly RunClock _clock;
    private readonly OperationCounters[] _operations;
    private readonly long[] _succeededPerSecond;
    private readonly long[] _failedPerSecond;
    private readonly ScheduleRecorder? _schedule;
    private long _warmUpSucceeded;
    private long _warmUpFailed;

    public RunRecorder(RunClock clock, IReadOnlyList<OperationCounters> operations, ScheduleRecorder? schedule)
    {
        _clock = clock;
        _operations = [.. operations];
        _schedule = schedule;
        var seconds = (int)Math.Ceiling((clock.PlannedWindowEnd - clock.WindowStart) / (double)Stopwatch.Frequency);
        _succeededPerSecond = new long[seconds + 1];
        _failedPerSecond = new long[seconds + 1];
    }

    public ScheduleRecorder? Schedule => _schedule;

    /// <summary>A complete response; <paramref name="from"/> is where its latency starts (send, or the open model's due time).</summary>
    public void RecordResponse(int operation, int status, long from, long completedAt)
    {
        var counters = _operations[operation];
        var failed = !counters.IsExpected(status);
        if (!Count(completedAt, failed)) return;
        counters.CountResponse(status, RunClock.ToMicroseconds(completedAt - from));
    }

    public void RecordFailure(int operation, FailureKind kind, long at)
    {
        if (Count(at, failed: true)) _operations[operation].CountFailure(kind);
    }

    /// <summary>Succeeded and failed operations so far during warm-up, or inside the window.</summary>
    public (long Succeeded, long Failed) Totals(WorkloadStage stage) => stage == WorkloadStage.WarmingUp
        ? (Volatile.Read(ref _warmUpSucceeded), Volatile.Read(ref _warmUpFailed))
        : (Sum(_succeededPerSecond), Sum(_failedPerSecond));

    /// <summary>The measurement of the window as it stands at <paramref name="now"/> (the end, or a cancellation).</summary>
    public WorkloadMeasurement Build(string unit, long now)
    {
        var window = _clock.Window(now);
        var seconds = Math.Min((int)Math.Ceiling(window.TotalSeconds), _succeededPerSecond.Length);
        var perSecond = Enumerable.Range(0, seconds)
            .Select(s => new SecondCount(s, Volatile.Read(ref _succeededPerSecond[s]), Volatile.Read(ref _failedPerSecond[s])))
            .ToList();
        return new WorkloadMeasurement(
            unit,
            window,
            [.. _operations.Select(o => o.ToMeasurement())],
            perSecond,
            ErrorKinds(),
            _schedule?.ToMeasurement(_clock.WindowStart, Math.Min(now, _clock.WindowEnd)));
    }

    private Dictionary<string, long> ErrorKinds()
    {
        var kinds = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var operation in _operations)
        {
            foreach (var (status, count) in operation.StatusCounts())
            {
                if (!operation.IsExpected(status)) Add(kinds, $"status {status}", count);
            }
            foreach (var kind in Enum.GetValues<FailureKind>())
            {
                var count = operation.Failures(kind);
                if (count > 0) Add(kinds, kind.ToString().ToLowerInvariant(), count);
            }
        }
        return new Dictionary<string, long>(kinds);
    }

    private static void Add(SortedDictionary<string, long> kinds, string kind, long count) =>
        kinds[kind] = kinds.GetValueOrDefault(kind) + count;

    /// <summary>Counts one completion in its stage and second; false when it is not inside the window.</summary>
    private bool Count(long at, bool failed)
    {
        if (at < _clock.WindowStart)
        {
            Interlocked.Increment(ref failed ? ref _warmUpFailed : ref _warmUpSucceeded);
            return false;
        }
        if (at >= _clock.WindowEnd) return false;
        var second = Math.Min((int)((at - _clock.WindowStart) / Stopwatch.Frequency), _succeededPerSecond.Length - 1);
        Interlocked.Increment(ref (failed ? _failedPerSecond : _succeededPerSecond)[second]);
        return true;
    }

    private static long Sum(long[] counts)
    {
        long sum = 0;
        for (var i = 0; i < counts.Length; i++) sum += Volatile.Read(ref counts[i]);
        return sum;
    }
}
