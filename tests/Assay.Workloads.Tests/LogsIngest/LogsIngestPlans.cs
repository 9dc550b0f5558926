using Assay.Core.Plans;
using Assay.Workloads.LogsIngest;

namespace Assay.Workloads.Tests.LogsIngest;

/// <summary>Short logs-ingest plans with the experiment's three kinds of query.</summary>
internal static class LogsIngestPlans
{
    public static IReadOnlyList<LogQueryPlan> Queries { get; } =
    [
        new("label-filter", "{job=\"assay\", service=\"svc-001\"}", TimeSpan.FromMinutes(5)),
        new("trace-id", $"{{job=\"assay\"}} |= \"{LogsIngestDriver.TracePlaceholder}\"", TimeSpan.FromMinutes(5)),
        new("errors-by-service", "sum by (service) (count_over_time({job=\"assay\", level=\"error\"}[1m]))", TimeSpan.FromMinutes(1)),
    ];

    public static LogsIngestWorkloadPlan Plan(double rate, int services, double warmUpSeconds, double durationSeconds, IReadOnlyList<LogQueryPlan>? queries = null) => new(
        new TargetPlan("loki", null, null),
        rate,
        services,
        TimeSpan.FromMilliseconds(250),
        queries ?? Queries,
        TimeSpan.FromMilliseconds(500),
        new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero),
        TimeSpan.FromSeconds(warmUpSeconds),
        TimeSpan.FromSeconds(durationSeconds),
        TimeSpan.FromSeconds(5));

    public static WorkloadRun Run(LogsIngestWorkloadPlan plan, Uri loki, int seed = 7) =>
        new(plan, new Dictionary<string, IReadOnlyList<TargetEndpoint>>
        {
            [WorkloadPlan.TargetRole] = [TargetEndpoint.For(new UriBuilder(loki) { Scheme = "loki" }.Uri)],
        }, seed);
}
