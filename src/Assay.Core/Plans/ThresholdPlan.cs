using Assay.Core.Diagnostics;

namespace Assay.Core.Plans;

/// <summary>Which statistic of a metric a threshold reads.</summary>
public enum ThresholdStat
{
    Percentile,
    Avg,
    Min,
    Max,
    Med,
    Rate,
    Count,
}

public enum ComparisonOperator
{
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary>
/// A k6-style threshold, e.g. <c>http_req_duration: p(95)&lt;500ms</c>, parsed. Duration values are
/// held in milliseconds; rates as fractions (errors) or per second (counters).
/// </summary>
/// <param name="Tag">A request name from the mix when written as <c>metric{request:NAME}</c>, else null.</param>
public sealed record ThresholdPlan(
    string Expression,
    string Metric,
    string? Tag,
    ThresholdStat Stat,
    double? Percentile,
    ComparisonOperator Operator,
    double Value,
    SourceLocation? Location);
