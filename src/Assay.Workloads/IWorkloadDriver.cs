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

/// <summary>One run of a workload: the plan, the endpoints of each of its roles, and the seed of its randomness.</summary>
/// <param name="Endpoints">By role (<see cref="WorkloadPlan.TargetRole"/> is the system under test), one endpoint per
/// replica; a driver spreads its connections round-robin over a role's endpoints.</param>
/// <param name="Seed">Seeds every random choice (mix, think time, keys), so a rerun makes the same choices.</param>
public sealed record WorkloadRun(WorkloadPlan Plan, IReadOnlyDictionary<string, IReadOnlyList<TargetEndpoint>> Endpoints, int Seed)
{
    /// <summary>A run against plain URLs as the target (tests, benchmarks).</summary>
    public WorkloadRun(WorkloadPlan plan, IReadOnlyList<Uri> targets, int seed)
        : this(plan, Targeting(targets), seed)
    {
    }

    /// <summary>The system under test's endpoints.</summary>
    public IReadOnlyList<TargetEndpoint> Target => Endpoints.TryGetValue(WorkloadPlan.TargetRole, out var target) ? target : [];

    /// <summary>The system under test's addresses.</summary>
    public IReadOnlyList<Uri> Targets => [.. Target.Select(t => t.Address)];

    public static IReadOnlyDictionary<string, IReadOnlyList<TargetEndpoint>> Targeting(IReadOnlyList<Uri> targets) =>
        new Dictionary<string, IReadOnlyList<TargetEndpoint>> { [WorkloadPlan.TargetRole] = [.. targets.Select(TargetEndpoint.For)] };
}
