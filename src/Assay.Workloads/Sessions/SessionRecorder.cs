using System.Collections.Concurrent;
using System.Diagnostics;
using Assay.Core.Measurements;
using Assay.Workloads.Http;

namespace Assay.Workloads.Sessions;

/// <summary>
/// Counts what sessions report, by completion time: totals only during warm-up, the full record inside
/// the measured window (latency per operation, errors by kind, per-second counts, notes), nothing after.
/// Safe for many sessions at once.
/// </summary>
internal sealed class SessionRecorder
{
    private readonly RunClock _clock;
    private readonly IReadOnlyList<string> _names;
    private readonly long[] _totals;
    private readonly long[] _failures;
    private readonly LatencyHistogram[] _latencies;
    private readonly long[] _notes;
    private readonly IReadOnlyList<string> _noteNames;
    private readonly long[] _succeededPerSecond;
    private readonly long[] _failedPerSecond;
    private readonly ConcurrentDictionary<string, long> _errorKinds = new(StringComparer.Ordinal);
    private long _warmUpSucceeded;
    private long _warmUpFailed;

    public SessionRecorder(RunClock clock, IReadOnlyList<string> operations, IReadOnlyList<string> notes, ScheduleRecorder? schedule)
    {
        _clock = clock;
        _names = operations;
        _totals = new long[operations.Count];
        _failures = new long[operations.Count];
        _latencies = [.. operations.Select(_ => LatencyHistogram.CreateConcurrent())];
        _noteNames = notes;
        _notes = new long[notes.Count];
        Schedule = schedule;
        var seconds = (int)Math.Ceiling((clock.PlannedWindowEnd - clock.WindowStart) / (double)Stopwatch.Frequency);
        _succeededPerSecond = new long[seconds + 1];
        _failedPerSecond = new long[seconds + 1];
    }

    public ScheduleRecorder? Schedule { get; }

    /// <summary>One operation; its latency runs from <paramref name="from"/> (its send, or the open model's due time).</summary>
    public void Record(int operation, Outcome outcome, long from, long completedAt)
    {
        var failed = !outcome.Succeeded;
        if (completedAt < _clock.WindowStart)
        {
            Interlocked.Increment(ref failed ? ref _warmUpFailed : ref _warmUpSucceeded);
            return;
        }
        if (completedAt >= _clock.WindowEnd) return;
        var second = Math.Min((int)((completedAt - _clock.WindowStart) / Stopwatch.Frequency), _succeededPerSecond.Length - 1);
        Interlocked.Increment(ref (failed ? _failedPerSecond : _succeededPerSecond)[second]);
        Interlocked.Increment(ref _totals[operation]);
        if (failed)
        {
            Interlocked.Increment(ref _failures[operation]);
            _errorKinds.AddOrUpdate(outcome.Error!, 1, static (_, count) => count + 1);
        }
        if (outcome.Answered) _latencies[operation].RecordMicroseconds(RunClock.ToMicroseconds(completedAt - from));
        if (outcome.Note >= 0) Interlocked.Increment(ref _notes[outcome.Note]);
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
        var operations = _names
            .Select((name, i) => new OperationMeasurement(name, Volatile.Read(ref _totals[i]), Volatile.Read(ref _failures[i]),
                LatencyHistogram.Merge([_latencies[i]]), new Dictionary<int, long>()))
            .ToList();
        var kinds = new SortedDictionary<string, long>(_errorKinds, StringComparer.Ordinal);
        return new WorkloadMeasurement(
            unit, window, operations, perSecond, new Dictionary<string, long>(kinds),
            Schedule?.ToMeasurement(_clock.WindowStart, Math.Min(now, _clock.WindowEnd)))
        {
            Stats = _noteNames.Select((name, i) => (name, value: (double)Volatile.Read(ref _notes[i]))).ToDictionary(n => n.name, n => n.value),
        };
    }

    private static long Sum(long[] counts)
    {
        long sum = 0;
        for (var i = 0; i < counts.Length; i++) sum += Volatile.Read(ref counts[i]);
        return sum;
    }
}
