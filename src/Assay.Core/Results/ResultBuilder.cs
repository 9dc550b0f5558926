using System.Globalization;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Statistics;
using Assay.Core.Thresholds;

namespace Assay.Core.Results;

/// <summary>Turns trial outcomes into the result document's summaries: per trial, then per variant across trials. Pure.</summary>
public static class ResultBuilder
{
    public static WorkloadSummary Summarize(WorkloadMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var seconds = measurement.Window.TotalSeconds;
        var byRequest = measurement.ByOperation
            .Select(o => new RequestSummary(
                o.Name,
                o.Total,
                o.Failed,
                seconds > 0 ? (o.Total - o.Failed) / seconds : 0,
                o.Latency.Summarize(),
                o.StatusCounts.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value)))
            .ToList();
        return new WorkloadSummary(
            measurement.Unit,
            measurement.Throughput,
            measurement.Total,
            measurement.Failed,
            measurement.ErrorRate,
            measurement.Latency().Summarize(),
            seconds,
            byRequest,
            measurement.ErrorKinds,
            measurement.Schedule,
            measurement.InvalidReason is null,
            measurement.InvalidReason)
        {
            Stats = measurement.Stats,
        };
    }

    /// <summary>One component's instances summed (replicas run at once, so their usage adds up).</summary>
    public static IReadOnlyList<ComponentSummary> SummarizeComponents(IReadOnlyList<ComponentUsage> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        return [.. instances
            .GroupBy(i => i.Component)
            .Select(g => new ComponentSummary(
                g.Key,
                g.Count(),
                g.Sum(i => i.CpuSeconds),
                g.Sum(i => i.CpuCoresAvg),
                g.Sum(i => i.MemoryPeakBytes),
                g.Sum(i => i.MemoryAvgBytes),
                g.Max(i => i.StartupSeconds)))];
    }

    public static ComponentSummary? SummarizeLoadGenerator(ComponentUsage? usage) =>
        usage is null ? null : new ComponentSummary(usage.Component, 1, usage.CpuSeconds, usage.CpuCoresAvg, usage.MemoryPeakBytes, usage.MemoryAvgBytes);

    public static TrialSummary SummarizeTrial(TrialOutcome outcome, IReadOnlyList<ThresholdPlan> thresholds, string driver)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(thresholds);
        var workload = outcome.Workload is null ? null : Summarize(outcome.Workload);
        var evaluated = outcome.Workload is null
            ? []
            : thresholds.Select(t => ThresholdEvaluator.Evaluate(t, outcome.Workload, driver)).ToList();
        var status = outcome.Status;
        if (status == RunStatus.Passed && (evaluated.Any(t => !t.Passed) || workload is { Valid: false }))
            status = RunStatus.Failed;
        var histograms = outcome.Workload?.ByOperation.ToDictionary(o => o.Name, o => o.Latency.Encode())
            ?? new Dictionary<string, string>();
        var series = new TrialSeries(
            outcome.Workload?.PerSecond ?? [],
            [.. outcome.Components.Select(c => new InstanceSeries(c.Component, c.Replica, c.Series))]);
        return new TrialSummary(
            outcome.Trial,
            status,
            outcome.StartedAt,
            outcome.Duration.TotalSeconds,
            workload,
            SummarizeComponents(outcome.Components),
            SummarizeLoadGenerator(outcome.LoadGenerator),
            evaluated,
            outcome.Error,
            series,
            histograms);
    }

    /// <summary>
    /// A variant across its trials: medians of every figure (trials are the unit of analysis; requests of
    /// different trials are never pooled), thresholds passing only when they passed in every trial.
    /// </summary>
    public static VariantResult SummarizeVariant(string name, IReadOnlyList<TrialSummary> trials, IReadOnlyList<ThresholdPlan> thresholds)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(thresholds);
        var measured = trials.Where(t => t.Workload is not null).ToList();
        var workload = measured.Count == 0 ? EmptyWorkload() : MedianWorkload([.. measured.Select(t => t.Workload!)]);
        var components = MedianComponents([.. measured.Select(t => t.Components)]);
        var loadGenerators = measured.Where(t => t.LoadGenerator is not null).Select(t => t.LoadGenerator!).ToList();
        var loadGenerator = loadGenerators.Count == 0 ? null : MedianComponents([.. loadGenerators.Select(l => (IReadOnlyList<ComponentSummary>)[l])])[0];
        var outcomes = thresholds.Select(t => CombineThreshold(t, measured)).ToList();

        var status = RunStatus.Passed;
        if (trials.Any(t => t.Status == RunStatus.Error)) status = RunStatus.Error;
        else if (trials.Any(t => t.Status == RunStatus.Cancelled)) status = RunStatus.Cancelled;
        else if (trials.Count == 0 || trials.Any(t => t.Status == RunStatus.Failed) || outcomes.Any(o => !o.Passed)) status = RunStatus.Failed;
        return new VariantResult(name, status, workload, components, loadGenerator, outcomes, trials);
    }

    private static ThresholdOutcome CombineThreshold(ThresholdPlan threshold, IReadOnlyList<TrialSummary> trials)
    {
        var results = trials
            .Select(t => t.Thresholds.FirstOrDefault(r => r.Expression == threshold.Expression))
            .Where(r => r is not null)
            .Select(r => r!)
            .ToList();
        if (results.Count == 0) return new ThresholdOutcome(threshold.Expression, false, null, "", 0);
        var lowerIsBetter = threshold.Operator is ComparisonOperator.LessThan or ComparisonOperator.LessOrEqual;
        var actuals = results.Where(r => r.Actual is not null).Select(r => r.Actual!.Value).ToList();
        double? worst = actuals.Count == 0 ? null : lowerIsBetter ? actuals.Max() : actuals.Min();
        var failed = results.Count(r => !r.Passed);
        return new ThresholdOutcome(threshold.Expression, failed == 0, worst, results[0].Unit, failed);
    }

    private static WorkloadSummary MedianWorkload(IReadOnlyList<WorkloadSummary> trials)
    {
        if (trials.Count == 1) return trials[0];
        var names = trials.SelectMany(t => t.ByRequest.Select(r => r.Name)).Distinct().ToList();
        var byRequest = names.Select(n =>
        {
            var rs = trials.SelectMany(t => t.ByRequest.Where(r => r.Name == n)).ToList();
            return new RequestSummary(
                n,
                MedianLong(rs.Select(r => r.Requests)),
                MedianLong(rs.Select(r => r.Errors)),
                Median.Of(rs.Select(r => r.Throughput)),
                MedianLatency([.. rs.Select(r => r.LatencyMs)]),
                MedianCounts([.. rs.Select(r => r.Statuses)]));
        }).ToList();
        var invalid = trials.FirstOrDefault(t => !t.Valid);
        return new WorkloadSummary(
            trials[0].Unit,
            Median.Of(trials.Select(t => t.Throughput)),
            MedianLong(trials.Select(t => t.Requests)),
            MedianLong(trials.Select(t => t.Errors)),
            Median.Of(trials.Select(t => t.ErrorRate)),
            MedianLatency([.. trials.Select(t => t.LatencyMs)]),
            Median.Of(trials.Select(t => t.WindowSeconds)),
            byRequest,
            MedianCounts([.. trials.Select(t => t.ErrorKinds)]),
            invalid?.Schedule ?? trials[0].Schedule,
            invalid is null,
            invalid?.InvalidReason)
        {
            Stats = trials.SelectMany(t => t.Stats.Keys).Distinct()
                .ToDictionary(key => key, key => Median.Of(trials.Where(t => t.Stats.ContainsKey(key)).Select(t => t.Stats[key]))),
        };
    }

    private static IReadOnlyList<ComponentSummary> MedianComponents(IReadOnlyList<IReadOnlyList<ComponentSummary>> trials)
    {
        var names = trials.SelectMany(t => t.Select(c => c.Name)).Distinct().ToList();
        return [.. names.Select(n =>
        {
            var cs = trials.SelectMany(t => t.Where(c => c.Name == n)).ToList();
            return new ComponentSummary(
                n,
                cs.Max(c => c.Replicas),
                Median.Of(cs.Select(c => c.CpuSeconds)),
                Median.Of(cs.Select(c => c.CpuCoresAvg)),
                MedianLong(cs.Select(c => c.MemoryPeakBytes)),
                MedianLong(cs.Select(c => c.MemoryAvgBytes)),
                Median.Of(cs.Select(c => c.StartupSeconds)));
        })];
    }

    private static LatencySummary MedianLatency(IReadOnlyList<LatencySummary> l) => new(
        Median.Of(l.Select(x => x.P50)),
        Median.Of(l.Select(x => x.P90)),
        Median.Of(l.Select(x => x.P99)),
        Median.Of(l.Select(x => x.P999)),
        Median.Of(l.Select(x => x.Max)),
        Median.Of(l.Select(x => x.Min)),
        Median.Of(l.Select(x => x.Mean)));

    private static long MedianLong(IEnumerable<long> values) => (long)Math.Round(Median.Of(values.Select(v => (double)v)));

    /// <summary>
    /// The median of each key's count across trials, a trial without the key counting 0, so the counts
    /// stay on the scale of the median requests and errors (a sum would pool the trials). Keys whose
    /// median is 0 (seen in a minority of trials) are left out.
    /// </summary>
    private static Dictionary<string, long> MedianCounts(IReadOnlyList<IReadOnlyDictionary<string, long>> trials)
    {
        var medians = new Dictionary<string, long>();
        foreach (var key in trials.SelectMany(t => t.Keys).Distinct())
        {
            var median = MedianLong(trials.Select(t => t.GetValueOrDefault(key)));
            if (median != 0) medians[key] = median;
        }
        return medians;
    }

    private static WorkloadSummary EmptyWorkload() =>
        new("requests", 0, 0, 0, 0, LatencySummary.Empty, 0, [], new Dictionary<string, long>(), null, false, "nothing was measured");
}
