using Assay.Core.Measurements;

namespace Assay.Core.Slo;

/// <summary>Evaluates SLOs against what a workload driver measured: per trial, then across a variant's trials. Pure.</summary>
public static class SloEvaluator
{
    /// <summary>The SLO over one trial's measured window.</summary>
    public static SloResult Evaluate(SloPlan slo, WorkloadMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var (good, total) = Events(slo, measurement);
        return FromEvents(slo, good, total);
    }

    /// <summary>
    /// Good and valid events of the SLO in a measurement. Availability: succeeded and completed operations.
    /// Latency: operations answered within the threshold and all answered operations, from the HdrHistograms
    /// (an operation that timed out or lost its connection has no latency: it counts against availability).
    /// </summary>
    public static (long Good, long Total) Events(SloPlan slo, WorkloadMeasurement measurement)
    {
        EnsureValid(slo);
        ArgumentNullException.ThrowIfNull(measurement);
        var operations = slo.Operation is null
            ? measurement.ByOperation
            : [.. measurement.ByOperation.Where(o => o.Name == slo.Operation)];
        if (slo.Kind == SloKind.Availability)
            return (operations.Sum(o => o.Total - o.Failed), operations.Sum(o => o.Total));
        var latency = LatencyHistogram.Merge(operations.Select(o => o.Latency));
        // A tick is 100 ns; the histogram counts whole microseconds.
        var thresholdMicroseconds = slo.Threshold!.Value.Ticks / 10;
        return (latency.CountAtOrBelowMicroseconds(thresholdMicroseconds), latency.Count);
    }

    /// <summary>The SLO's figures from counted events; no events is a failure with no SLI.</summary>
    public static SloResult FromEvents(SloPlan slo, long good, long total)
    {
        EnsureValid(slo);
        if (total <= 0)
            return new SloResult(slo.Name, slo.Kind, slo.Objective, ThresholdMs(slo), slo.Operation, good, total, null, null, null, null, false);
        var figures = Figures(slo, ErrorBudget.ErrorRatio(good, total));
        return new SloResult(
            slo.Name, slo.Kind, slo.Objective, ThresholdMs(slo), slo.Operation, good, total,
            figures.Sli, figures.Consumed, figures.Remaining, figures.BurnRate, figures.Passed);
    }

    /// <summary>
    /// A variant's SLO from its trials' results: the median trial SLI and the budget figures it implies,
    /// passing only when every trial passed. Budget consumed is linear in the SLI, so the figures of the
    /// median SLI are also the medians of the trials' own figures.
    /// </summary>
    public static SloOutcome Combine(SloPlan slo, IReadOnlyList<SloResult> trials)
    {
        EnsureValid(slo);
        ArgumentNullException.ThrowIfNull(trials);
        var measured = trials.Where(t => t.Total > 0).Select(t => ErrorBudget.ErrorRatio(t.Good, t.Total)).ToList();
        var failed = trials.Count(t => !t.Passed);
        var passed = trials.Count > 0 && failed == 0;
        if (measured.Count == 0)
            return new SloOutcome(slo.Name, slo.Kind, slo.Objective, ThresholdMs(slo), slo.Operation, null, null, null, null, false, trials.Count, trials.Count);
        var figures = Figures(slo, Median(measured));
        return new SloOutcome(
            slo.Name, slo.Kind, slo.Objective, ThresholdMs(slo), slo.Operation,
            figures.Sli, figures.Consumed, figures.Remaining, figures.BurnRate, passed, trials.Count, failed);
    }

    private static (double Sli, double Consumed, double Remaining, double BurnRate, bool Passed) Figures(SloPlan slo, decimal errorRatio)
    {
        var budget = slo.Budget;
        var sli = 1 - errorRatio;
        return (
            (double)(sli * 100),
            (double)ErrorBudget.Consumed(errorRatio, budget),
            (double)ErrorBudget.Remaining(errorRatio, budget),
            (double)ErrorBudget.BurnRate(errorRatio, budget),
            sli >= slo.ObjectiveRatio);
    }

    private static decimal Median(List<decimal> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static double? ThresholdMs(SloPlan slo) => slo.Threshold?.TotalMilliseconds;

    private static void EnsureValid(SloPlan slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var problems = slo.Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"SLO '{slo.Name}' cannot be evaluated: {string.Join("; ", problems)}. Resolvers must report SloPlan.Problems() first.", nameof(slo));
    }
}
