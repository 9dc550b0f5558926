using System.Globalization;
using System.Text.RegularExpressions;
using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Core.Units;

namespace Assay.Core.Thresholds;

/// <summary>
/// Parses k6 threshold syntax: a metric key (<c>http_req_duration</c> or
/// <c>http_req_duration{request:echo}</c>) and an expression (<c>p(95)&lt;500ms</c>, <c>rate&lt;0.01</c>).
/// </summary>
public static partial class ThresholdParser
{
    public const string ExpressionHint = "write STAT OPERATOR VALUE, e.g. p(95)<500ms, avg<200, rate<0.01, count>1000";

    [GeneratedRegex(@"^\s*(?<stat>p\(\s*(?<pct>\d+(?:\.\d+)?)\s*\)|avg|min|max|med|rate|count)\s*(?<op><=|>=|==|!=|<|>|=)\s*(?<value>[^\s]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpressionPattern();

    [GeneratedRegex(@"^(?<metric>[a-z_][a-z0-9_]*)(\{\s*(?<key>[a-z_]+)\s*:\s*(?<tag>[^}\s]+)\s*\})?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    /// <summary>The tag keys a metric key may filter on; <c>request</c> names an entry of the mix.</summary>
    public static IReadOnlyList<string> TagKeys { get; } = ["request", "name"];

    /// <summary>Splits a metric key into the metric and an optional request tag.</summary>
    public static bool TryParseKey(string key, out string metric, out string? tag, out string? error)
    {
        ArgumentNullException.ThrowIfNull(key);
        metric = key;
        tag = null;
        error = null;
        var match = KeyPattern().Match(key.Trim());
        if (!match.Success)
        {
            error = $"'{key}' is not a metric name; write a name such as http_req_duration, optionally with a tag: http_req_duration{{request:echo}}";
            return false;
        }
        metric = match.Groups["metric"].Value;
        if (match.Groups["tag"].Success)
        {
            var tagKey = match.Groups["key"].Value;
            if (!TagKeys.Contains(tagKey))
            {
                error = $"tag '{tagKey}' is not known; {Suggestions.Hint(tagKey, (IReadOnlyCollection<string>)TagKeys)}";
                return false;
            }
            tag = match.Groups["tag"].Value;
        }
        return true;
    }

    /// <summary>
    /// Parses one expression for a metric of the given kind. Returns null and an error message (with the
    /// fix) when the expression is malformed or reads a statistic the metric does not have.
    /// </summary>
    public static ThresholdPlan? Parse(string metric, string? tag, MetricKind kind, string expression, SourceLocation? location, out string? error)
    {
        ArgumentNullException.ThrowIfNull(expression);
        error = null;
        var match = ExpressionPattern().Match(expression);
        if (!match.Success)
        {
            error = $"'{expression}' is not a threshold expression; {ExpressionHint}";
            return null;
        }

        var statText = match.Groups["stat"].Value;
        var stat = statText.StartsWith('p') ? ThresholdStat.Percentile : Enum.Parse<ThresholdStat>(statText, ignoreCase: true);
        double? percentile = null;
        if (stat == ThresholdStat.Percentile)
        {
            percentile = double.Parse(match.Groups["pct"].Value, CultureInfo.InvariantCulture);
            if (percentile is <= 0 or > 100)
            {
                error = $"percentile {match.Groups["pct"].Value} is out of range; write p(N) with 0 < N <= 100, e.g. p(99)";
                return null;
            }
        }

        var allowed = AllowedStats(kind);
        if (!allowed.Contains(stat))
        {
            error = $"'{statText}' cannot be read from {metric}, a {kind.ToString().ToLowerInvariant()} metric; use {string.Join(" or ", allowed.Select(StatName))}";
            return null;
        }

        var valueText = match.Groups["value"].Value;
        double value;
        if (kind == MetricKind.Trend)
        {
            if (double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)) value = ms;
            else if (DurationText.TryParse(valueText, out var duration)) value = duration.TotalMilliseconds;
            else
            {
                error = $"'{valueText}' is not a duration; write milliseconds (500) or a duration with a unit (500ms, 1.5s)";
                return null;
            }
        }
        else if (valueText.EndsWith('%') && double.TryParse(valueText.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var pct))
        {
            value = pct / 100;
        }
        else if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{valueText}' is not a number; write e.g. 0.01 or 1%";
            return null;
        }

        var op = match.Groups["op"].Value switch
        {
            "<" => ComparisonOperator.LessThan,
            "<=" => ComparisonOperator.LessOrEqual,
            ">" => ComparisonOperator.GreaterThan,
            ">=" => ComparisonOperator.GreaterOrEqual,
            "!=" => ComparisonOperator.NotEqual,
            _ => ComparisonOperator.Equal,
        };
        var key = tag is null ? metric : $"{metric}{{request:{tag}}}";
        return new ThresholdPlan($"{key}: {expression.Trim()}", metric, tag, stat, percentile, op, value, location);
    }

    public static IReadOnlyList<ThresholdStat> AllowedStats(MetricKind kind) => kind switch
    {
        MetricKind.Trend => [ThresholdStat.Percentile, ThresholdStat.Avg, ThresholdStat.Min, ThresholdStat.Max, ThresholdStat.Med],
        MetricKind.Rate => [ThresholdStat.Rate, ThresholdStat.Count],
        _ => [ThresholdStat.Count, ThresholdStat.Rate],
    };

    private static string StatName(ThresholdStat stat) =>
        stat == ThresholdStat.Percentile ? "p(N)" : stat.ToString().ToLowerInvariant();
}
