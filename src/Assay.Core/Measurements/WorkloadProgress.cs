namespace Assay.Core.Measurements;

/// <summary>Where a workload is in its run.</summary>
public enum WorkloadStage
{
    /// <summary>Connecting and warming up; nothing is recorded.</summary>
    WarmingUp,
    /// <summary>Inside the measured window.</summary>
    Measuring,
    /// <summary>The window has closed; in-flight requests are being drained.</summary>
    Done,
}

/// <summary>
/// A progress report from a running workload, about once a second and at every stage change. The
/// engine marks the resource-usage window when the stage turns to Measuring and to Done.
/// </summary>
/// <param name="ElapsedSeconds">Seconds since the workload started (warm-up included).</param>
/// <param name="Succeeded">Operations succeeded in the current stage so far.</param>
/// <param name="Failed">Operations failed in the current stage so far.</param>
/// <param name="SucceededPerSecond">Succeeded operations in the last second.</param>
/// <param name="FailedPerSecond">Failed operations in the last second.</param>
public sealed record WorkloadProgress(
    WorkloadStage Stage,
    double ElapsedSeconds,
    long Succeeded,
    long Failed,
    double SucceededPerSecond,
    double FailedPerSecond);
