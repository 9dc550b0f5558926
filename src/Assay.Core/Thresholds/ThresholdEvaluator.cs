using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Core.Thresholds;

/// <summary>The outcome of one threshold against one measurement.</summary>
/// <param name="Actual">The value the threshold read (ms for durations, a fraction for rates); null when there was nothing to read.</param>
public sealed record ThresholdResult(string Expression, bool Passed, double? Actual, string Unit);

/// <summary>Evaluates parsed thresholds against what a driver measured. Pure.</summary>
public static class ThresholdEvaluator
{
    public static ThresholdResult Evaluate(ThresholdPlan threshold, WorkloadMeasurement measurement, string driver)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(measurement);
        var definition = MetricCatalog.Find(driver, threshold.Metric);
        var unit = definition?.Unit ?? "";
        var operations = threshold.Tag is null
            ? measurement.ByOperation
            : [.. measurement.ByOperation.Where(o => o.Name == threshold.Tag)];
        // Nothing measured is a failure, never a vacuous pass.
        if (definition is null || operations.Sum(o => o.Total) == 0)
            return new ThresholdResult(threshold.Expression, false, null, unit);

        double? actual = definition.Kind switch
        {
            MetricKind.Trend => ReadTrend(threshold, LatencyHistogram.Merge(operations.Select(o => o.Latency))),
            MetricKind.Rate => threshold.Stat == ThresholdStat.Count
                ? operations.Sum(o => o.Failed)
                : Fraction(operations.Sum(o => o.Failed), operations.Sum(o => o.Total)),
            _ => threshold.Stat == ThresholdStat.Count
                ? operations.Sum(o => o.Total - o.Failed)
                : PerSecond(operations.Sum(o => o.Total - o.Failed), measurement.Window),
        };
        if (definition.Kind == MetricKind.Counter && threshold.Stat == ThresholdStat.Rate) unit = unit + "/s";
        if (definition.Kind == MetricKind.Rate && threshold.Stat == ThresholdStat.Count) unit = "count";
        var passed = actual is double value && Compare(value, threshold.Operator, threshold.Value);
        return new ThresholdResult(threshold.Expression, passed, actual, unit);
    }

    public static bool Compare(double actual, ComparisonOperator op, double limit) => op switch
    {
        ComparisonOperator.LessThan => actual < limit,
        ComparisonOperator.LessOrEqual => actual <= limit,
        ComparisonOperator.GreaterThan => actual > limit,
        ComparisonOperator.GreaterOrEqual => actual >= limit,
        ComparisonOperator.Equal => actual == limit,
        _ => actual != limit,
    };

    private static double? ReadTrend(ThresholdPlan threshold, LatencyHistogram latency)
    {
        if (latency.Count == 0) return null;
        return threshold.Stat switch
        {
            ThresholdStat.Percentile => latency.PercentileMs(threshold.Percentile ?? 50),
            ThresholdStat.Med => latency.PercentileMs(50),
            ThresholdStat.Avg => latency.MeanMs,
            ThresholdStat.Min => latency.MinMs,
            _ => latency.MaxMs,
        };
    }

    private static double Fraction(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private static double PerSecond(long count, TimeSpan window) => window > TimeSpan.Zero ? count / window.TotalSeconds : 0;
}
