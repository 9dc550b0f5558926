using System.Globalization;
using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Core.Slo;

namespace Assay.Core.Capacity;

/// <summary>
/// Judges one step of a capacity search from what its run brought back. A step passes only when the run had no
/// error, its measurement is valid and the SLO was met: a step the system did not really serve, or whose load
/// generator could not keep the schedule, says nothing about the system at that rate. Pure.
/// </summary>
public static class CapacityStepJudge
{
    public static CapacityStep Judge(double rate, SloPlan slo, TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(outcome);
        var measurement = outcome.Workload;
        if (measurement is null)
            return new CapacityStep(rate, false, null, $"nothing was measured: {outcome.Error ?? "the workload never reported"}");

        var result = SloEvaluator.Evaluate(slo, measurement);
        var latency = measurement.Latency();
        var step = new CapacityStep(rate, false, result.Sli, null)
        {
            Throughput = measurement.Throughput,
            LatencyP99Ms = latency.Count > 0 ? latency.PercentileMs(99) : null,
            Valid = measurement.Schedule is not { Valid: false },
        };
        if (outcome.Status != RunStatus.Passed || outcome.Error is not null)
            return step with { Note = $"the step's run ended with {Status(outcome.Status)}: {outcome.Error ?? "no message"}" };
        if (measurement.Schedule is { Valid: false } schedule)
            return step with { Note = BehindSchedule(schedule) };
        if (result.Total == 0)
            return step with { Note = $"no events of SLO '{slo.Name}' were measured" };
        return step with { Passed = result.Passed };
    }

    /// <summary>
    /// Why an open-model step is invalid. Late sends are the generator's own lag (it had a free connection and
    /// did not send); requests never sent were most likely queued behind busy connections when the window closed,
    /// which is the system falling behind, not the generator.
    /// </summary>
    private static string BehindSchedule(ScheduleMeasurement schedule)
    {
        var lateFraction = schedule.Scheduled == 0 ? 0 : (double)schedule.LateSends / schedule.Scheduled;
        return lateFraction > schedule.MaxLateFraction
            ? string.Create(CultureInfo.InvariantCulture,
                $"{schedule.Reason}: the generator, not the system, was the limit at this rate; give the load generator its own CPUs (placement) or lower max")
            : string.Create(CultureInfo.InvariantCulture,
                $"{schedule.Reason}: the late sends alone are within the allowance, so the unsent requests were most likely queued behind busy connections: the system could not keep up at this rate");
    }

    private static string Status(RunStatus status) => status.ToString().ToLowerInvariant();
}
