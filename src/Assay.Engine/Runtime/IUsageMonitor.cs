using Assay.Core.Measurements;

namespace Assay.Engine.Runtime;

/// <summary>
/// Samples each instance's cumulative CPU time and working-set memory. The measured window is marked
/// by the engine when the workload's measured window opens and closes; a reading is taken at each mark
/// so CPU seconds in the window are exact, not interpolated between samples.
/// </summary>
public interface IUsageMonitor
{
    void MarkWindowStart();

    void MarkWindowEnd();

    /// <summary>
    /// The measured window as offsets of the usage series (<see cref="UsageSample.OffsetSeconds"/>); null before it
    /// opened. Until it closes, its end is the latest reading.
    /// </summary>
    (double Start, double End)? Window { get; }

    /// <summary>Each instance's usage in the window (up to now if the window has not closed) and its series.</summary>
    IReadOnlyList<ComponentUsage> Collect();
}
