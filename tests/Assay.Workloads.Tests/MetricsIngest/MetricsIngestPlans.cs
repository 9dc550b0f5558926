using Assay.Core.Plans;

namespace Assay.Workloads.Tests.MetricsIngest;

/// <summary>Short metrics-ingest plans and runs against a TSDB and a source given by their endpoints.</summary>
internal static class MetricsIngestPlans
{
    public static IReadOnlyList<PromQueryPlan> Queries { get; } =
    [
        new("avg-by-deck", "avg by (deck) (sensor_reading)", null, null),
        new("by-type-1m", "sum by (sensor_type) (avg_over_time(sensor_reading[5s]))", TimeSpan.FromMinutes(1), null),
    ];

    public static MetricsIngestWorkloadPlan Plan(string level, double warmUpSeconds, double durationSeconds, IReadOnlyList<PromQueryPlan>? queries = null) => new(
        new TargetPlan("tsdb", null, null),
        new TargetPlan("gen", null, null),
        level,
        MetricsIngestWorkloadPlan.Levels[level],
        queries ?? Queries,
        TimeSpan.FromMilliseconds(500),
        new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero),
        TimeSpan.FromSeconds(warmUpSeconds),
        TimeSpan.FromSeconds(durationSeconds),
        TimeSpan.FromSeconds(10));

    public static WorkloadRun Run(MetricsIngestWorkloadPlan plan, IReadOnlyList<TargetEndpoint> tsdb, IReadOnlyList<TargetEndpoint> source, int seed = 3) =>
        new(plan, new Dictionary<string, IReadOnlyList<TargetEndpoint>>
        {
            [WorkloadPlan.TargetRole] = tsdb,
            [MetricsIngestWorkloadPlan.SourceRole] = source,
        }, seed);
}
