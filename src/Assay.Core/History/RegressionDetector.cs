using System.Globalization;
using Assay.Core.Results;
using Assay.Core.Statistics;

namespace Assay.Core.History;

/// <summary>
/// Flags the KPIs of a new run that moved beyond their recent run-to-run variation, direction aware (throughput
/// down, latency, error ratio or cost up). The rule and why it is this one: <see cref="RegressionRule"/> and
/// docs/adrs/0009-regressions-against-recent-runs.md. Pure.
/// </summary>
public static class RegressionDetector
{
    /// <summary>Judges each KPI of each variant of <paramref name="current"/> against the comparable runs before it.</summary>
    /// <param name="current">The new run; one that did not complete (error, cancelled) gets no findings.</param>
    /// <param name="previousNewestFirst">Earlier runs of the experiment, newest first (as <c>IRunStore.ListResultsAsync</c> gives them);
    /// the current run, runs with other parameters and runs that did not complete (error, cancelled, aborted) are skipped.</param>
    public static RegressionReport Detect(RunResult current, IReadOnlyList<RunResult> previousNewestFirst, RegressionRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previousNewestFirst);
        rule ??= RegressionRule.Default;
        rule.Check();
        var history = previousNewestFirst.Where(r => Comparable(current, r)).ToList();
        var findings = new List<RegressionFinding>();
        // A run that errored or was cancelled measured part of what it set out to: no verdict on it.
        if (current.Status is not (RunStatus.Passed or RunStatus.Failed))
            return new RegressionReport(current.RunId, rule, [.. history.Select(r => r.RunId)], findings);
        foreach (var variant in current.Variants)
        {
            var samples = KpiSamples.Of(variant);
            foreach (var kpi in KpiCatalog.All)
            {
                if (samples.TryGetValue(kpi.Name, out var values) && values.Count > 0)
                    findings.Add(Judge(variant.Name, kpi, values, history, rule));
            }
        }
        return new RegressionReport(current.RunId, rule, [.. history.Select(r => r.RunId)], findings);
    }

    /// <summary>
    /// Judges <paramref name="current"/> against the runs of <paramref name="experimentResults"/> that started before it
    /// (a stored run judged later, by a report or the dashboard, is not judged against the runs that came after it).
    /// </summary>
    public static RegressionReport DetectAmongEarlier(RunResult current, IReadOnlyList<RunResult> experimentResults, RegressionRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(experimentResults);
        var earlier = experimentResults
            .Where(r => StartedBefore(r, current))
            .OrderByDescending(r => r.StartedAt)
            .ThenByDescending(r => r.RunId, StringComparer.Ordinal)
            .ToList();
        return Detect(current, earlier, rule);
    }

    /// <summary>Whether <paramref name="earlier"/> started before <paramref name="later"/>; runs started in the same instant are ordered by id.</summary>
    public static bool StartedBefore(RunResult earlier, RunResult later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        return earlier.StartedAt < later.StartedAt || (earlier.StartedAt == later.StartedAt && string.CompareOrdinal(earlier.RunId, later.RunId) < 0);
    }

    /// <summary>
    /// Every run of a history judged against the runs older than it in the same list, as <c>assay history</c> marks
    /// them: one report per run, in the order given (newest first). The oldest runs get "not enough history".
    /// </summary>
    public static IReadOnlyList<RegressionReport> DetectEach(IReadOnlyList<RunResult> newestFirst, RegressionRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        return [.. newestFirst.Select((run, i) => Detect(run, [.. newestFirst.Skip(i + 1)], rule))];
    }

    /// <summary>
    /// Runs that measured the same thing: the same experiment and parameters, completed (passed, or failed a
    /// threshold: its figures still stand). Another rate or duration is another question, not history.
    /// </summary>
    public static bool Comparable(RunResult current, RunResult earlier)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(earlier);
        return earlier.RunId != current.RunId
            && earlier.Experiment == current.Experiment
            && earlier.Status is RunStatus.Passed or RunStatus.Failed
            && SameParameters(current.Parameters, earlier.Parameters);
    }

    private static bool SameParameters(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var value) && string.Equals(value, kv.Value, StringComparison.Ordinal));

    private static RegressionFinding Judge(string variant, KpiDefinition kpi, IReadOnlyList<double> values, IReadOnlyList<RunResult> history, RegressionRule rule)
    {
        var median = Median.Of(values);
        var past = history
            .Select(r => KpiSamples.Of(r, variant, kpi.Name))
            .Where(v => v.Count > 0)
            .Take(rule.Window)
            .ToList();
        var medians = past.Select(Median.Of).ToList();
        if (past.Count < rule.MinimumHistory)
            return new(variant, kpi, RegressionStatus.NotEnoughHistory, median, medians, null, null, null, null, null, null, null,
                Text($"not enough history ({past.Count} of {rule.MinimumHistory} runs)"));

        var low = medians.Min();
        var high = medians.Max();
        var slack = rule.AbsoluteToleranceFor(kpi);
        var bandLow = Math.Max(0, low / (1 + rule.Tolerance) - slack);
        var bandHigh = high * (1 + rule.Tolerance) + slack;
        var above = median > bandHigh;
        var below = median < bandLow;
        var range = Text($"the last {past.Count} runs' medians [{Number(low)}, {Number(high)}] ±{Percent(rule.Tolerance)}");
        RegressionFinding Finding(RegressionStatus status, string note, HodgesLehmannEstimate? ratio = null) =>
            new(variant, kpi, status, median, medians, low, high, bandLow, bandHigh, ratio?.Estimate, ratio?.Low, ratio?.High, note);

        if (!above && !below)
            return Finding(RegressionStatus.Steady, Text($"median {Number(median)} is within {range}"));
        var worse = above == (kpi.Direction == KpiDirection.LowerIsBetter);
        var side = above ? "above" : "below";
        if (!worse)
            return Finding(RegressionStatus.Improved, Text($"median {Number(median)} is {side} {range}: better"));

        var earlier = past.SelectMany(v => v).ToList();
        if (earlier.Any(v => v <= 0) || values.Any(v => v <= 0))
            return Finding(RegressionStatus.Regressed, Text($"median {Number(median)} is {side} {range}; trial values of 0 allow no ratio test, so the range decides alone"));
        var estimate = HodgesLehmann.Ratio(earlier, values, rule.Confidence);
        var interval = Text($"the {Percent(estimate.Confidence)} interval of new ÷ earlier trials [{Number(estimate.Low)}, {Number(estimate.High)}]");
        if (!estimate.ReachesRequested)
            return Finding(RegressionStatus.Regressed,
                Text($"median {Number(median)} is {side} {range}; {earlier.Count} and {values.Count} trials cannot reach {Percent(rule.Confidence)}, so the range decides alone"), estimate);
        var confirmed = above ? estimate.Low > 1 : estimate.High < 1;
        return confirmed
            ? Finding(RegressionStatus.Regressed, Text($"median {Number(median)} is {side} {range}, and {interval} excludes 1"), estimate)
            : Finding(RegressionStatus.Unconfirmed, Text($"median {Number(median)} is {side} {range}, but {interval} includes 1: the trials overlap"), estimate);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
