using System.Diagnostics;

namespace Assay.Workloads.Http;

/// <summary>
/// The open model's schedule: request k is due at start + k / rate, across all connections. Free
/// connections take the next number; a number taken late because every connection was busy is the
/// server's doing, and its latency counts from the due time.
/// </summary>
internal sealed class OpenSchedule
{
    private readonly double _interval;
    private long _next = -1;

    public OpenSchedule(long start, double ratePerSecond)
    {
        if (!(ratePerSecond > 0) || double.IsInfinity(ratePerSecond))
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The open model needs a finite rate above 0 requests per second.");
        Start = start;
        _interval = Stopwatch.Frequency / ratePerSecond;
    }

    public long Start { get; }

    /// <summary>The next request number nobody has taken yet.</summary>
    public long Take() => Interlocked.Increment(ref _next);

    public long DueAt(long request) => Start + (long)(request * _interval);

    /// <summary>How many requests fall due in [from, to).</summary>
    public long CountDueIn(long from, long to) => to <= from ? 0 : FirstDueAtOrAfter(to) - FirstDueAtOrAfter(from);

    /// <summary>The first request number due at or after <paramref name="time"/>.</summary>
    public long FirstDueAtOrAfter(long time)
    {
        if (time <= Start) return 0;
        var first = (long)Math.Ceiling((time - Start) / _interval);
        // Floating point can put the boundary one off; settle it against DueAt, which defines the schedule.
        while (first > 0 && DueAt(first - 1) >= time) first--;
        while (DueAt(first) < time) first++;
        return first;
    }
}
