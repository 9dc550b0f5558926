namespace Assay.Core.Thresholds;

/// <summary>The metrics thresholds can name for the ingest drivers (metrics into a TSDB, logs into Loki).</summary>
public static class IngestMetrics
{
    public static IReadOnlyList<MetricDefinition> MetricsIngest { get; } =
    [
        new("metrics_query_duration", MetricKind.Trend, "ms", "latency of each PromQL query (tag {request:NAME} for one query; 'series' is the verification)"),
        new("metrics_queries", MetricKind.Counter, "queries", "queries that answered successfully"),
        new(MetricCatalog.Errors, MetricKind.Rate, "fraction", "fraction of queries that failed (error answer, timeout, wrong series count)"),
    ];

    public static IReadOnlyList<MetricDefinition> LogsIngest { get; } =
    [
        new("logs_op_duration", MetricKind.Trend, "ms", "latency of each pushed line (its batch's request) and each LogQL query; tag {request:push} or {request:NAME}"),
        new("logs_ops", MetricKind.Counter, "operations", "lines pushed and found, and queries that answered successfully"),
        new(MetricCatalog.Errors, MetricKind.Rate, "fraction", "fraction of lines rejected or lost and of queries that failed"),
    ];
}
