using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Results;

namespace Assay.Core.Cost;

/// <summary>
/// What pricing a trial needs: each component instance's sampled usage, each component's requests, the
/// measured window within the samples' time line, and the operations the driver completed in it.
/// </summary>
/// <param name="Resources">Each component's plan by name; its cpus and memory are each instance's request.</param>
/// <param name="Window">The measured window as offsets of the usage series (the sampler marks it with a reading at each end).</param>
/// <param name="Operations">Succeeded operations in the window: a fast wrong answer is not a unit of work.</param>
/// <param name="Throughput">Succeeded operations per second of the window.</param>
/// <param name="IngestedBytes">Bytes the system under test ingested in the window, when the driver reports them.</param>
public sealed record TrialCostInput(
    IReadOnlyList<ComponentUsage> Instances,
    IReadOnlyDictionary<string, ResourcePlan> Resources,
    UsageWindow Window,
    string Unit,
    long Operations,
    double Throughput,
    double? IngestedBytes = null)
{
    /// <summary>The driver stat (<see cref="WorkloadMeasurement.Stats"/>) read as bytes ingested in the window.</summary>
    public const string IngestedBytesStat = "ingestedBytes";

    /// <summary>The input for one trial of a variant, from what the engine brought back and the window's offsets.</summary>
    public static TrialCostInput From(VariantPlan variant, TrialOutcome outcome, UsageWindow window)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(outcome);
        var workload = outcome.Workload;
        double? ingested = workload is not null && workload.Stats.TryGetValue(IngestedBytesStat, out var bytes) ? bytes : null;
        return new TrialCostInput(
            outcome.Components,
            variant.Components.ToDictionary(c => c.Name, c => c.Resources, StringComparer.Ordinal),
            window,
            workload?.Unit ?? variant.Workload.OperationUnit,
            workload?.Succeeded ?? 0,
            workload?.Throughput ?? 0,
            ingested);
    }
}
