namespace Assay.Core.Thresholds;

/// <summary>k6's metric types: which statistics a threshold may read from a metric.</summary>
public enum MetricKind
{
    /// <summary>A distribution (latency): p(N), avg, min, max, med.</summary>
    Trend,
    /// <summary>A fraction of operations (errors): rate.</summary>
    Rate,
    /// <summary>A number of operations: count, and rate per second.</summary>
    Counter,
}

/// <summary>A metric thresholds can name, with its type and unit.</summary>
public sealed record MetricDefinition(string Name, MetricKind Kind, string Unit, string Description);

/// <summary>The metrics each workload driver produces, by driver name.</summary>
public static class MetricCatalog
{
    public const string Duration = "http_req_duration";
    public const string Requests = "http_reqs";
    public const string Failed = "http_req_failed";
    public const string Errors = "errors";

    private static readonly IReadOnlyList<MetricDefinition> Http =
    [
        new(Duration, MetricKind.Trend, "ms", "latency of each request, first byte written to last byte read"),
        new(Requests, MetricKind.Counter, "requests", "requests that completed successfully"),
        new(Failed, MetricKind.Rate, "fraction", "fraction of requests that failed (unexpected status, timeout, connection error)"),
        new(Errors, MetricKind.Rate, "fraction", "same as http_req_failed; count reads the number of failures"),
    ];

    /// <summary>The metrics of a driver; empty for an unknown driver.</summary>
    public static IReadOnlyList<MetricDefinition> For(string driver) => driver switch
    {
        "http" => Http,
        "sql" => SqlMetrics.All,
        "kv" => KvMetrics.All,
        "pubsub" => PubSubMetrics.All,
        "metrics-ingest" => IngestMetrics.MetricsIngest,
        "logs-ingest" => IngestMetrics.LogsIngest,
        _ => [],
    };

    public static MetricDefinition? Find(string driver, string metric) =>
        For(driver).FirstOrDefault(m => m.Name == metric);
}
