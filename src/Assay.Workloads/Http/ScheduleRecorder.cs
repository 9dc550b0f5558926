using Assay.Core.Measurements;

namespace Assay.Workloads.Http;

/// <summary>
/// How the open model's generator kept its schedule for requests due inside the window. The
/// generator's own lag is the time from when it could have sent (the due time, or the moment a busy
/// connection came free, whichever is later) to when it did.
/// </summary>
internal sealed class ScheduleRecorder(OpenSchedule schedule, double ratePerSecond, TimeSpan lagTolerance, double maxLateFraction, RunClock clock)
{
    private readonly long _toleranceTicks = RunClock.ToTicks(lagTolerance);
    private readonly LatencyHistogram _lag = LatencyHistogram.CreateConcurrent();
    private long _sent;
    private long _late;

    public OpenSchedule Schedule => schedule;

    public void RecordSend(long due, long lagTicks)
    {
        if (due < clock.WindowStart || due >= clock.WindowEnd) return;
        Interlocked.Increment(ref _sent);
        if (lagTicks > _toleranceTicks) Interlocked.Increment(ref _late);
        _lag.RecordMicroseconds(RunClock.ToMicroseconds(Math.Max(lagTicks, 0)));
    }

    public ScheduleMeasurement ToMeasurement(long windowStart, long windowEnd)
    {
        var scheduled = schedule.CountDueIn(windowStart, windowEnd);
        var sent = Math.Min(Volatile.Read(ref _sent), scheduled);
        return new ScheduleMeasurement(
            ratePerSecond,
            scheduled,
            sent,
            Volatile.Read(ref _late),
            scheduled - sent,
            _lag.PercentileMs(99),
            _lag.MaxMs,
            maxLateFraction);
    }
}
