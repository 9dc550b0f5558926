namespace Assay.Core.Thresholds;

/// <summary>The metrics of the pubsub driver, whose one operation is a message delivered to one subscriber.</summary>
public static class PubSubMetrics
{
    public const string Duration = "pubsub_deliver_duration";
    public const string Delivered = "pubsub_delivered";

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(Duration, MetricKind.Trend, "ms", "end-to-end latency of each delivery, from the message's intended send time to its arrival at a subscriber"),
        new(Delivered, MetricKind.Counter, "messages", "deliveries that arrived in order, once (a message fanned out to 4 subscribers is 4 deliveries)"),
        new(MetricCatalog.Errors, MetricKind.Rate, "fraction", "fraction of deliveries that failed: lost, duplicated, out of order, malformed, or not published"),
    ];
}
