using Prometheus;

namespace Assay.Apps.Metrics;

/// <summary>
/// The metrics metrics-app exposes, in a registry of its own rather than prometheus-net's static default one:
/// the app decides what is collected (process metrics yes, the runtime's event counters and meters no: they cost
/// CPU in every load test and nobody asked for them).
/// </summary>
internal sealed class SampleMetrics
{
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public SampleMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);

        Requests = factory.CreateCounter(
            "http_requests_total", "HTTP requests answered, by method, route template and status code.",
            new CounterConfiguration { LabelNames = ["method", "path", "status"] });
        ActiveConnections = factory.CreateGauge(
            "active_connections", "HTTP requests in flight.");
        Duration = factory.CreateHistogram(
            "request_duration_seconds", "Time from a request's arrival to the end of its response, in seconds.",
            new HistogramConfiguration { LabelNames = ["method", "path"], Buckets = DurationBuckets });
        ResponseSize = factory.CreateSummary(
            "response_size_bytes", "Response body size in bytes.",
            new SummaryConfiguration
            {
                LabelNames = ["method", "path"],
                Objectives = [new QuantileEpsilonPair(0.5, 0.05), new QuantileEpsilonPair(0.9, 0.01), new QuantileEpsilonPair(0.99, 0.001)],
            });
        ItemsProcessed = factory.CreateCounter(
            "items_processed_total", "Items processed by GET /process.");
    }

    public CollectorRegistry Registry { get; }

    public Counter Requests { get; }

    public Gauge ActiveConnections { get; }

    public Histogram Duration { get; }

    public Summary ResponseSize { get; }

    public Counter ItemsProcessed { get; }
}
