using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Engine.Load;

/// <summary>
/// Runs a workload driver against the deployed targets and brings back its measurement and its own
/// resource usage (a load generator that is the bottleneck measures itself, not the system under test).
/// </summary>
public interface ILoadGenerator
{
    /// <summary>
    /// Drives the workload. Cancellation stops it early and still returns what was measured;
    /// a generator that failed returns its error instead of throwing.
    /// </summary>
    Task<LoadResult> RunAsync(LoadRequest request, IProgress<WorkloadProgress> progress, CancellationToken cancellationToken);
}

/// <param name="Endpoints">Every role of the workload (<see cref="WorkloadPlan.TargetRole"/> first) and its endpoints, one per replica.</param>
public sealed record LoadRequest(
    string RunId,
    int Trial,
    string Variant,
    WorkloadPlan Plan,
    IReadOnlyDictionary<string, IReadOnlyList<TargetEndpoint>> Endpoints,
    int Seed,
    string Directory,
    string? CpuSet);

/// <param name="Measurement">What the driver measured; null when it never reported.</param>
/// <param name="Usage">The generator's own CPU and memory in the measured window; null when not measured.</param>
/// <param name="Error">Why the generator failed, with its log tail; null on success.</param>
public sealed record LoadResult(WorkloadMeasurement? Measurement, ComponentUsage? Usage, string? Error);
