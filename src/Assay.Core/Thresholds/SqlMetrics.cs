namespace Assay.Core.Thresholds;

/// <summary>The metrics of the sql driver that thresholds can name.</summary>
public static class SqlMetrics
{
    public const string Duration = "sql_tx_duration";
    public const string Transactions = "sql_txs";

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(Duration, MetricKind.Trend, "ms", "latency of each transaction (tpcb-like) or select (select-only), first statement sent to last answer read"),
        new(Transactions, MetricKind.Counter, "transactions", "transactions that completed and passed verification"),
        new(MetricCatalog.Errors, MetricKind.Rate, "fraction", "fraction of transactions that failed (server error, timeout, connection, verification); count reads the number"),
    ];
}
