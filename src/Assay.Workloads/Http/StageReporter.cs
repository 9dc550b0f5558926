using System.Diagnostics;
using Assay.Core.Measurements;

namespace Assay.Workloads.Http;

/// <summary>
/// Walks the run's timeline (warm-up, window) and reports progress at each stage change and about once a
/// second; returns when the window closes or the run is cancelled (closing the window early). Every driver
/// walks its run with one, reading its own counters through <c>totals</c>.
/// </summary>
internal sealed class StageReporter(RunClock clock, Func<WorkloadStage, (long Succeeded, long Failed)> totals, IProgress<WorkloadProgress>? progress)
{
    private static readonly long Interval = Stopwatch.Frequency;

    private WorkloadStage _stage = WorkloadStage.WarmingUp;
    private long _lastAt;
    private (long Succeeded, long Failed) _last;

    public async Task RunUntilWindowClosesAsync(CancellationToken cancellationToken)
    {
        var nextTick = clock.Start + Interval;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (_stage == WorkloadStage.WarmingUp && now >= clock.WindowStart)
            {
                Report(WorkloadStage.Measuring, now);
                nextTick = now + Interval;
            }
            if (_stage == WorkloadStage.Measuring && now >= clock.WindowEnd) return;
            if (now >= nextTick)
            {
                Report(_stage, now);
                nextTick = Math.Max(nextTick + Interval, now + (Interval / 2));
            }
            var boundary = _stage == WorkloadStage.WarmingUp ? clock.WindowStart : clock.WindowEnd;
            var wait = Math.Min(nextTick, boundary) - now;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(wait * 1000.0 / Stopwatch.Frequency))), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                clock.CloseAt(Stopwatch.GetTimestamp());
                return;
            }
        }
    }

    /// <summary>Reports the stage's totals and the rate since the previous report; Done continues the window's counts.</summary>
    public void Report(WorkloadStage stage, long now)
    {
        var counted = stage == WorkloadStage.Done ? WorkloadStage.Measuring : stage;
        var current = totals(counted);
        var sameCounters = counted == (_stage == WorkloadStage.Done ? WorkloadStage.Measuring : _stage);
        var seconds = (now - _lastAt) / (double)Stopwatch.Frequency;
        var (succeededRate, failedRate) = sameCounters && _lastAt != 0 && seconds > 0
            ? ((current.Succeeded - _last.Succeeded) / seconds, (current.Failed - _last.Failed) / seconds)
            : (0.0, 0.0);
        _stage = stage;
        _last = current;
        _lastAt = now;
        progress?.Report(new WorkloadProgress(stage, clock.SecondsSinceStart(now), current.Succeeded, current.Failed, succeededRate, failedRate));
    }
}
