using System.Diagnostics;
using Assay.Core.Measurements;
using Assay.Workloads.Http;

namespace Assay.Workloads.Ingest;

/// <summary>
/// Reports an ingest run's progress: at each stage change, and about once a second from <see cref="RunAsync"/>
/// (a background loop that ends when the window closes or the run is cancelled).
/// </summary>
internal sealed class IngestProgress(IngestRecorder recorder, IProgress<WorkloadProgress>? progress)
{
    private readonly Lock _gate = new();
    private WorkloadStage _stage = WorkloadStage.WarmingUp;
    private long _lastAt;
    private (long Succeeded, long Failed) _last;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = recorder.Clock;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= clock.WindowEnd) return;
            var stage = now >= clock.WindowStart ? WorkloadStage.Measuring : WorkloadStage.WarmingUp;
            Report(stage, now);
            var next = stage == WorkloadStage.WarmingUp ? Math.Min(now + Stopwatch.Frequency, clock.WindowStart) : Math.Min(now + Stopwatch.Frequency, clock.WindowEnd);
            try
            {
                await Task.Delay(RunClock.ToTimeSpan(Math.Max(next - now, Stopwatch.Frequency / 1000)), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reports <paramref name="stage"/>'s totals and the rates since the previous report; Done continues the window's counts.</summary>
    public void Report(WorkloadStage stage, long now)
    {
        lock (_gate)
        {
            var counted = stage == WorkloadStage.Done ? WorkloadStage.Measuring : stage;
            var previous = _stage == WorkloadStage.Done ? WorkloadStage.Measuring : _stage;
            var totals = recorder.Totals(counted);
            var seconds = (now - _lastAt) / (double)Stopwatch.Frequency;
            var (succeededRate, failedRate) = counted == previous && _lastAt != 0 && seconds > 0
                ? ((totals.Succeeded - _last.Succeeded) / seconds, (totals.Failed - _last.Failed) / seconds)
                : (0.0, 0.0);
            _stage = stage;
            _last = totals;
            _lastAt = now;
            progress?.Report(new WorkloadProgress(stage, recorder.Clock.SecondsSinceStart(now), totals.Succeeded, totals.Failed, succeededRate, failedRate));
        }
    }
}
