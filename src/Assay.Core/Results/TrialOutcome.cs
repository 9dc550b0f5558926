using Assay.Core.Cost;
using Assay.Core.Measurements;

namespace Assay.Core.Results;

/// <summary>
/// What the engine brings back from one trial of one variant: the workload's measurement (null when
/// it never ran), each component instance's usage, the load generator's own usage, and the error that
/// ended the trial early, if any. Partial data is kept whatever happened.
/// </summary>
public sealed record TrialOutcome(
    int Trial,
    string Variant,
    RunStatus Status,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    WorkloadMeasurement? Workload,
    IReadOnlyList<ComponentUsage> Components,
    ComponentUsage? LoadGenerator,
    string? Error)
{
    /// <summary>
    /// The measured window as offsets of the components' usage series (seconds since the trial started), for
    /// pricing the window exactly; null when the window never opened.
    /// </summary>
    public UsageWindow? UsageWindow { get; init; }
}
