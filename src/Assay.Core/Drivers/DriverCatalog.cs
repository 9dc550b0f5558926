namespace Assay.Core.Drivers;

/// <summary>A workload driver: its name in experiment files and the protocols of the components it can target.</summary>
public sealed record DriverDefinition(string Name, IReadOnlyList<string> Protocols, string Description);

/// <summary>
/// Every workload driver and what it can drive. A workload whose target speaks a protocol its driver
/// does not (a kv workload on PostgreSQL) is rejected before anything starts, naming the valid pairs.
/// </summary>
public static class DriverCatalog
{
    public const string Http = "http";
    public const string Sql = "sql";
    public const string KeyValue = "kv";
    public const string PubSub = "pubsub";
    public const string MetricsIngest = "metrics-ingest";
    public const string LogsIngest = "logs-ingest";

    public static IReadOnlyList<DriverDefinition> All { get; } =
    [
        new(Http, ["http", "prometheus", "loki"], "HTTP/1.1 requests from a weighted mix (servers, proxies, runtimes, HTTP APIs)"),
        new(Sql, ["postgresql", "mysql"], "TPC-B-like and read-only transactions (PostgreSQL, MariaDB)"),
        new(KeyValue, ["redis", "memcached"], "GET/SET mixes over a keyspace (Redis, memcached)"),
        new(PubSub, ["nats", "amqp", "mqtt"], "publishers at a rate, fanned out to subscribers (NATS, RabbitMQ, MQTT)"),
        new(MetricsIngest, ["prometheus"], "a TSDB scraping the cardinality generator, with timed PromQL queries"),
        new(LogsIngest, ["loki"], "log lines pushed to Loki, with timed LogQL queries"),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(d => d.Name)];

    public static DriverDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>"sql → postgresql, mysql; kv → redis, memcached; …", for error messages.</summary>
    public static string ValidPairs() => string.Join("; ", All.Select(d => $"{d.Name} → {string.Join(", ", d.Protocols)}"));
}
