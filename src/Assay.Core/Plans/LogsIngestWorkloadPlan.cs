using System.Text.Json.Serialization;

namespace Assay.Core.Plans;

/// <summary>
/// Log lines pushed to Loki's push API at a fixed rate across a number of services, while fixed LogQL queries
/// are timed in rounds; at the end a count query must find every line that was pushed.
/// </summary>
/// <param name="RatePerSecond">Lines per second, all services together.</param>
/// <param name="Services">Services the lines are spread over (one label value each).</param>
/// <param name="BatchInterval">Lines are pushed in one request per this interval, as log shippers batch them.</param>
/// <param name="QueryInterval">A round of queries starts this often (at once when the last round took longer).</param>
/// <param name="Model">Not used: the load is the push rate.</param>
public sealed record LogsIngestWorkloadPlan(
    TargetPlan Target,
    double RatePerSecond,
    int Services,
    TimeSpan BatchInterval,
    IReadOnlyList<LogQueryPlan> Queries,
    TimeSpan QueryInterval,
    LoadModel Model,
    TimeSpan WarmUp,
    TimeSpan Duration,
    TimeSpan Timeout) : WorkloadPlan(Model, WarmUp, Duration, Timeout)
{
    public const string DriverName = "logs-ingest";

    /// <summary>The operation of pushing lines; one operation per line, timed from the start of its batch's request to its answer.</summary>
    public const string PushOperation = "push";

    [JsonIgnore]
    public override string Driver => DriverName;

    [JsonIgnore]
    public override string OperationUnit => "operations";

    [JsonIgnore]
    public override IReadOnlyDictionary<string, TargetPlan> Targets => new Dictionary<string, TargetPlan> { [TargetRole] = Target };
}

/// <summary>
/// One timed LogQL query over the last <paramref name="Range"/>. <c>$RUN</c> in the query is replaced by the run's
/// own label value, so a query sees only the lines of the trial that runs it.
/// </summary>
public sealed record LogQueryPlan(string Name, string Query, TimeSpan Range);
