using Assay.Core.Cost;
using Assay.Core.Results;

namespace Assay.Engine.Capacity;

/// <summary>
/// Where a step's measured window lies in its usage series: as the usage monitor marked it, or, for an outcome
/// without the marks, ending at the last reading (the sampler reads every instance when the window closes and
/// the engine collects right after) and as long as the window the driver measured.
/// </summary>
internal static class StepUsageWindow
{
    public static UsageWindow Of(TrialOutcome outcome)
    {
        if (outcome.UsageWindow is { } marked) return marked;
        var end = outcome.Components.SelectMany(c => c.Series).Select(s => s.OffsetSeconds).DefaultIfEmpty(0).Max();
        var seconds = outcome.Workload?.Window.TotalSeconds ?? 0;
        return new UsageWindow(Math.Max(0, end - seconds), end);
    }
}
