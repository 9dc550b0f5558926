namespace Assay.Core.Thresholds;

/// <summary>The metrics of the kv driver that thresholds can name.</summary>
public static class KvMetrics
{
    public const string Duration = "kv_op_duration";
    public const string Operations = "kv_ops";

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(Duration, MetricKind.Trend, "ms", "latency of each GET or SET, request written to answer read"),
        new(Operations, MetricKind.Counter, "operations", "GETs and SETs that completed and passed verification"),
        new(MetricCatalog.Errors, MetricKind.Rate, "fraction", "fraction of operations that failed (wrong value, unexpected miss, server error, timeout, connection); count reads the number"),
    ];
}
