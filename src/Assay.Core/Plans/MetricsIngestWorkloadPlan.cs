using System.Text.Json.Serialization;

namespace Assay.Core.Plans;

/// <summary>
/// A TSDB scraping the cardinality generator: the generator (role <see cref="SourceRole"/>) is set to a level
/// of series before warm-up, the TSDB (role <see cref="WorkloadPlan.TargetRole"/>) scrapes it on its own
/// schedule, and fixed PromQL queries are timed against the TSDB in rounds during the window.
/// </summary>
/// <param name="Level">The generator's cardinality level (<c>low</c>, <c>medium</c>, <c>high</c>).</param>
/// <param name="ExpectedSeries">The series the generator exposes at that level, per instance; the TSDB must report
/// exactly this many (times the source's instances) or the verification fails.</param>
/// <param name="QueryInterval">A round of queries starts this often (at once when the last round took longer).</param>
/// <param name="Model">Not used: the load is the scrape, set by the level and the TSDB's scrape interval.</param>
public sealed record MetricsIngestWorkloadPlan(
    TargetPlan Target,
    TargetPlan Source,
    string Level,
    int ExpectedSeries,
    IReadOnlyList<PromQueryPlan> Queries,
    TimeSpan QueryInterval,
    LoadModel Model,
    TimeSpan WarmUp,
    TimeSpan Duration,
    TimeSpan Timeout) : WorkloadPlan(Model, WarmUp, Duration, Timeout)
{
    public const string DriverName = "metrics-ingest";

    /// <summary>The role of the component the TSDB scrapes (the cardinality generator).</summary>
    public const string SourceRole = "source";

    /// <summary>The operation that checks, every round, that the TSDB holds exactly the generator's series.</summary>
    public const string SeriesOperation = "series";

    /// <summary>The metric the cardinality generator exposes, one series per (deck, section, sensor_type).</summary>
    public const string GeneratorMetric = "sensor_reading";

    /// <summary>The series of each level, as the cardinality generator defines them.</summary>
    public static IReadOnlyDictionary<string, int> Levels { get; } = new Dictionary<string, int>
    {
        ["low"] = 1_000,
        ["medium"] = 10_000,
        ["high"] = 50_000,
    };

    [JsonIgnore]
    public override string Driver => DriverName;

    [JsonIgnore]
    public override string OperationUnit => "queries";

    [JsonIgnore]
    public override IReadOnlyDictionary<string, TargetPlan> Targets => new Dictionary<string, TargetPlan>
    {
        [TargetRole] = Target,
        [SourceRole] = Source,
    };
}

/// <summary>One timed PromQL query: instant at the time it runs, or over the last <paramref name="Range"/> in <paramref name="Step"/>s.</summary>
public sealed record PromQueryPlan(string Name, string Query, TimeSpan? Range, TimeSpan? Step);
