using System.Collections.Concurrent;
using System.Diagnostics;
using Assay.Core.Measurements;
using Assay.Workloads.Http;

namespace Assay.Workloads.Ingest;

/// <summary>
/// Counts the operations of an ingest driver (pushes, queries) by completion time, as the HTTP driver does:
/// totals only during warm-up, the full record inside the measured window, nothing after it. Failures carry a
/// kind of their own (<c>timeout</c>, <c>status 500</c>, <c>wrong series count</c>…). Safe for concurrent writers.
/// </summary>
internal sealed class IngestRecorder
{
    private readonly RunClock _clock;
    private readonly string[] _names;
    private readonly LatencyHistogram[] _latency;
    private readonly long[] _total;
    private readonly long[] _failed;
    private readonly long[] _succeededPerSecond;
    private readonly long[] _failedPerSecond;
    private readonly ConcurrentDictionary<string, long> _errorKinds = new(StringComparer.Ordinal);
    private long _warmUpSucceeded;
    private long _warmUpFailed;

    public IngestRecorder(RunClock clock, IReadOnlyList<string> operations)
    {
        _clock = clock;
        _names = [.. operations];
        _latency = [.. operations.Select(_ => LatencyHistogram.CreateConcurrent())];
        _total = new long[operations.Count];
        _failed = new long[operations.Count];
        var seconds = (int)Math.Ceiling((clock.PlannedWindowEnd - clock.WindowStart) / (double)Stopwatch.Frequency);
        _succeededPerSecond = new long[seconds + 1];
        _failedPerSecond = new long[seconds + 1];
    }

    public RunClock Clock => _clock;

    /// <summary>
    /// <paramref name="count"/> operations of one kind that completed at <paramref name="completedAt"/> (a batch of pushed
    /// lines shares its request's latency); <paramref name="latencyTicks"/> is null when no answer came (timeout, refused).
    /// </summary>
    public void Record(int operation, long completedAt, long? latencyTicks, string? errorKind, long count = 1)
    {
        var failed = errorKind is not null;
        if (completedAt < _clock.WindowStart)
        {
            Interlocked.Add(ref failed ? ref _warmUpFailed : ref _warmUpSucceeded, count);
            return;
        }
        if (completedAt >= _clock.WindowEnd) return;
        var second = Math.Min((int)((completedAt - _clock.WindowStart) / Stopwatch.Frequency), _succeededPerSecond.Length - 1);
        Interlocked.Add(ref (failed ? _failedPerSecond : _succeededPerSecond)[second], count);
        Interlocked.Add(ref _total[operation], count);
        if (failed)
        {
            Interlocked.Add(ref _failed[operation], count);
            _errorKinds.AddOrUpdate(errorKind!, count, (_, c) => c + count);
        }
        if (latencyTicks is { } ticks) _latency[operation].RecordMicroseconds(RunClock.ToMicroseconds(ticks), count);
    }

    /// <summary>
    /// Operations found wrong only after the window (lines the store lost): they join the operation's total and
    /// failures whenever they happened, since the window's successes included them.
    /// </summary>
    public void Reclassify(int operation, long count, string errorKind)
    {
        if (count <= 0) return;
        Interlocked.Add(ref _failed[operation], count);
        _errorKinds.AddOrUpdate(errorKind, count, (_, c) => c + count);
    }

    /// <summary>Succeeded and failed operations so far during warm-up, or inside the window.</summary>
    public (long Succeeded, long Failed) Totals(WorkloadStage stage)
    {
        if (stage == WorkloadStage.WarmingUp) return (Volatile.Read(ref _warmUpSucceeded), Volatile.Read(ref _warmUpFailed));
        long succeeded = 0, failed = 0;
        for (var i = 0; i < _succeededPerSecond.Length; i++)
        {
            succeeded += Volatile.Read(ref _succeededPerSecond[i]);
            failed += Volatile.Read(ref _failedPerSecond[i]);
        }
        return (succeeded, failed);
    }

    public WorkloadMeasurement Build(string unit, long now, IReadOnlyDictionary<string, double> stats)
    {
        var window = _clock.Window(now);
        var seconds = Math.Min((int)Math.Ceiling(window.TotalSeconds), _succeededPerSecond.Length);
        var perSecond = Enumerable.Range(0, seconds)
            .Select(s => new SecondCount(s, Volatile.Read(ref _succeededPerSecond[s]), Volatile.Read(ref _failedPerSecond[s])))
            .ToList();
        var operations = _names.Select((name, i) => new OperationMeasurement(
            name, Volatile.Read(ref _total[i]), Math.Min(Volatile.Read(ref _failed[i]), Volatile.Read(ref _total[i])),
            LatencyHistogram.Merge([_latency[i]]), new Dictionary<int, long>())).ToList();
        return new WorkloadMeasurement(unit, window, operations, perSecond,
            new SortedDictionary<string, long>(_errorKinds, StringComparer.Ordinal), null) { Stats = stats };
    }
}
