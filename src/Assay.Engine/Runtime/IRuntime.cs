using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Engine.Runtime;

/// <summary>
/// Where components run: local processes, or (later) pods on Kubernetes. A runtime checks that it can
/// start what a plan needs, then deploys one variant's components per trial.
/// </summary>
public interface IRuntime
{
    /// <summary>The runtime's name as results record it (<c>local</c>, <c>kubernetes</c>).</summary>
    string Name { get; }

    /// <summary>How this runtime measures per-component CPU and memory.</summary>
    ResourceAccounting Accounting { get; }

    /// <summary>
    /// Problems that stop the plan before anything starts (a missing binary, CPUs that do not exist),
    /// each naming the component and the fix; empty when the plan can run.
    /// </summary>
    Task<IReadOnlyList<PreflightProblem>> PreflightAsync(ExperimentPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Starts every component of a variant and waits until each instance is ready. On failure, everything
    /// already started is stopped before the exception (<see cref="DeploymentFailedException"/>) leaves.
    /// </summary>
    Task<IDeployment> DeployAsync(DeploymentRequest request, IProgress<InstanceStarted>? progress, CancellationToken cancellationToken);
}

/// <summary>A reason a plan cannot run here, with the command that fixes it.</summary>
public sealed record PreflightProblem(string Component, string Message, string Fix);

/// <summary>One variant's components for one trial, and the folder the trial keeps its files in.</summary>
public sealed record DeploymentRequest(
    string RunId,
    int Trial,
    VariantPlan Variant,
    PlacementPlan Placement,
    string Directory);

/// <summary>An instance that passed its readiness probe.</summary>
public sealed record InstanceStarted(string Component, int Replica, IReadOnlyDictionary<string, int> Ports, TimeSpan StartupTime);
