using System.Globalization;
using System.Text.RegularExpressions;
using Assay.Core.Slo;

namespace Assay.Reporting.Slo;

/// <summary>
/// Where an SLI comes from in production: the user's metric and labels, as a PromQL error ratio over a
/// window. The ratio is bad events ÷ valid events, the quantity <c>slo:sli_error:ratio_rate&lt;w&gt;</c> records.
/// </summary>
public abstract partial record PrometheusSli(string Metric, IReadOnlyList<LabelMatcher> Selectors)
{
    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    /// <summary>The error ratio over <paramref name="window"/> (a PromQL duration such as <c>5m</c>), on several lines.</summary>
    public abstract string ErrorRatio(string window);

    /// <summary>One line describing the SLI for the header of the rules file.</summary>
    public abstract string Description { get; }

    /// <summary>A metric name as Prometheus allows it, or an error with the fix.</summary>
    public static string? CheckMetricName(string metric) =>
        MetricName().IsMatch(metric)
            ? null
            : $"'{metric}' is not a Prometheus metric name; write letters, digits, _ and :, not starting with a digit, e.g. http_requests_total";

    /// <summary>
    /// The SLI of an SLO from the user's metric: availability needs a counter of requests and the matcher that
    /// marks failed ones; latency a histogram (its <c>_bucket</c> and <c>_count</c> series) whose bucket
    /// boundary is the threshold. Null, with every problem and its fix, when the pieces do not fit the SLO.
    /// </summary>
    /// <param name="metric">The counter, or the histogram's name with or without <c>_bucket</c>/<c>_count</c>.</param>
    /// <param name="errors">Availability only: the label matcher of failed requests, e.g. <c>status=~"5.."</c>.</param>
    /// <param name="le">Latency only: the bucket's <c>le</c> value as the metric exposes it; null to derive it from the threshold and the metric's unit.</param>
    public static PrometheusSli? Create(
        SloPlan slo,
        string metric,
        IReadOnlyList<LabelMatcher> selectors,
        LabelMatcher? errors,
        string? le,
        out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(selectors);
        var found = new List<string>(slo.Problems());
        problems = found;
        if (found.Count > 0) return null;
        if (CheckMetricName(metric) is { } metricProblem) found.Add(metricProblem);
        if (selectors.FirstOrDefault(s => s.Name == "le") is { } leSelector)
            found.Add($"{leSelector} selects a bucket; the rules choose the bucket from the threshold, so leave le out of the labels");

        if (slo.Kind == SloKind.Availability)
        {
            if (errors is null)
                found.Add($"an availability SLO needs errors: the label matcher that marks failed requests of {metric}, e.g. status=~5.. or code=~\"5..|429\"");
            if (le is not null)
                found.Add("a bucket (le) only applies to latency SLOs; leave it out");
            return found.Count == 0 ? new AvailabilitySli(metric, selectors, errors!) : null;
        }

        if (errors is not null)
            found.Add("the errors matcher only applies to availability SLOs; a latency SLO's bad events are answers slower than the threshold");
        var histogram = LatencySli.HistogramName(metric);
        if (le is not null && !IsNumber(le))
            found.Add($"le '{le}' is not a number; write the bucket boundary as the metric exposes it, e.g. 0.05");
        var bucket = le is null ? LatencySli.BucketFor(slo.Threshold!.Value, histogram) : LatencySli.Exact(le);
        if (bucket is null && le is null)
            found.Add($"the unit of {histogram} is not in its name (_seconds, _milliseconds): give le, the bucket boundary of "
                + $"{Core.Units.DurationText.Format(slo.Threshold!.Value)} as the metric exposes it (e.g. 0.05 for 50ms in seconds)");
        return found.Count == 0 ? new LatencySli(histogram, selectors, bucket!) : null;
    }

    /// <summary>The selector <c>{a="b",c=~"d"}</c> with extra matchers after the user's; empty when there are none.</summary>
    protected string Selector(params LabelMatcher[] extra)
    {
        var all = Selectors.Concat(extra).Select(m => m.ToPromQl()).ToList();
        return all.Count == 0 ? "" : "{" + string.Join(",", all) + "}";
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0;
}

/// <summary>
/// Availability from a counter of requests: errors ÷ all, e.g.
/// <c>http_requests_total{job="api",status=~"5.."}</c> over <c>http_requests_total{job="api"}</c>.
/// </summary>
public sealed record AvailabilitySli(string Metric, IReadOnlyList<LabelMatcher> Selectors, LabelMatcher Errors)
    : PrometheusSli(Metric, Selectors)
{
    public override string Description =>
        $"errors {Metric}{Selector(Errors)} over all {Metric}{Selector()}";

    public override string ErrorRatio(string window) =>
        $"(sum(rate({Metric}{Selector(Errors)}[{window}])))\n/\n(sum(rate({Metric}{Selector()}[{window}])))";
}

/// <summary>
/// Latency from a histogram: answers slower than the threshold ÷ all answers, i.e.
/// (<c>_count</c> − <c>_bucket{le="L"}</c>) ÷ <c>_count</c>, the threshold L being one of the histogram's boundaries.
/// </summary>
/// <param name="Metric">The histogram's name without <c>_bucket</c> or <c>_count</c>.</param>
/// <param name="Bucket">The matcher of the threshold's bucket on the <c>le</c> label.</param>
public sealed record LatencySli(string Metric, IReadOnlyList<LabelMatcher> Selectors, LabelMatcher Bucket)
    : PrometheusSli(Metric, Selectors)
{
    private static readonly (string Suffix, decimal TicksPerUnit)[] Units =
    [
        ("_seconds", TimeSpan.TicksPerSecond),
        ("_milliseconds", TimeSpan.TicksPerMillisecond),
        ("_ms", TimeSpan.TicksPerMillisecond),
        ("_microseconds", TimeSpan.TicksPerMicrosecond),
    ];

    public override string Description =>
        $"answers of {Metric} over the {Bucket} bucket, of all answers";

    public override string ErrorRatio(string window) =>
        $"(\n  sum(rate({Metric}_count{Selector()}[{window}]))\n  -\n  sum(rate({Metric}_bucket{Selector(Bucket)}[{window}]))\n)\n/\n(sum(rate({Metric}_count{Selector()}[{window}])))";

    /// <summary>The histogram's name when the user gave one of its series (<c>_bucket</c>, <c>_count</c>, <c>_sum</c>).</summary>
    public static string HistogramName(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        foreach (var suffix in new[] { "_bucket", "_count", "_sum" })
            if (metric.EndsWith(suffix, StringComparison.Ordinal) && metric.Length > suffix.Length) return metric[..^suffix.Length];
        return metric;
    }

    /// <summary>
    /// The <c>le</c> matcher of a threshold in the unit the histogram's name ends with (50ms in
    /// <c>_seconds</c> → 0.05); null when the name carries no unit. A whole number matches both ways clients
    /// write it (<c>1</c> and OpenMetrics' <c>1.0</c>).
    /// </summary>
    public static LabelMatcher? BucketFor(TimeSpan threshold, string histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        foreach (var (suffix, ticksPerUnit) in Units)
        {
            if (!histogram.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var value = threshold.Ticks / ticksPerUnit;
            var text = value.ToString("0.##########", CultureInfo.InvariantCulture);
            return value == decimal.Truncate(value)
                ? new LabelMatcher("le", MatchOperator.Regex, text + @"(\.0)?")
                : new LabelMatcher("le", MatchOperator.Equal, text);
        }
        return null;
    }

    /// <summary>The <c>le</c> matcher of a boundary the user wrote as the metric exposes it.</summary>
    public static LabelMatcher Exact(string le) => new("le", MatchOperator.Equal, le);
}
