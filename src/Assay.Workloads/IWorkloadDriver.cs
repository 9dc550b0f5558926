using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Workloads;

/// <summary>
/// Drives one workload plan at a variant's targets for one trial: warms up (nothing recorded), then
/// measures for the plan's duration and returns what completed inside that window.
/// </summary>
/// <remarks>
/// Progress is reported at every stage change (<see cref="WorkloadStage.WarmingUp"/>, <see cref="WorkloadStage.Measuring"/>,
/// <see cref="WorkloadStage.Done"/>) and about once a second in between; the engine marks its resource-usage window
/// from the Measuring and Done reports, so they are sent the moment the stage changes.
/// Cancellation is not an error: the driver stops sending, gives in-flight operations at most a second and returns the
/// partial measurement (its window is the measured time so far, possibly zero).
/// </remarks>
public interface IWorkloadDriver
{
    /// <summary>Runs the workload; returns the measurement of the measured window, partial when cancelled.</summary>
    Task<WorkloadMeasurement> RunAsync(WorkloadRun run, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>One run of a workload: the plan, the base URLs of the target's replicas, and the seed of its randomness.</summary>
/// <param name="Targets">Base URLs (<c>http://127.0.0.1:PORT</c>); connections are spread round-robin over them.</param>
/// <param name="Seed">Seeds every random choice (mix, think time), so a rerun makes the same choices.</param>
public sealed record WorkloadRun(WorkloadPlan Plan, IReadOnlyList<Uri> Targets, int Seed);
