using System.Diagnostics;

namespace Assay.Workloads.Http;

/// <summary>
/// The run's timeline in Stopwatch ticks: start, then warm-up, then the measured window. Cancellation
/// closes the window early; completions count by the tick they happened at.
/// </summary>
internal sealed class RunClock
{
    private long _windowEnd;

    public RunClock(long start, TimeSpan warmUp, TimeSpan duration)
    {
        Start = start;
        WindowStart = start + ToTicks(warmUp);
        _windowEnd = WindowStart + ToTicks(duration);
        PlannedWindowEnd = _windowEnd;
    }

    public long Start { get; }

    public long WindowStart { get; }

    /// <summary>The end of the window: planned, or earlier when the run was cancelled.</summary>
    public long WindowEnd => Volatile.Read(ref _windowEnd);

    public long PlannedWindowEnd { get; }

    /// <summary>How long the window lasted (or has lasted so far), never negative.</summary>
    public TimeSpan Window(long now) =>
        ToTimeSpan(Math.Clamp(Math.Min(now, WindowEnd) - WindowStart, 0, PlannedWindowEnd - WindowStart));

    /// <summary>Closes the window at <paramref name="at"/> (a cancellation): later completions are not counted.</summary>
    public void CloseAt(long at)
    {
        var end = Math.Max(at, WindowStart);
        if (end < WindowEnd) Volatile.Write(ref _windowEnd, end);
    }

    public double SecondsSinceStart(long now) => (now - Start) / (double)Stopwatch.Frequency;

    public static long ToTicks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);

    public static TimeSpan ToTimeSpan(long ticks) => TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency);

    public static long ToMicroseconds(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;
}
