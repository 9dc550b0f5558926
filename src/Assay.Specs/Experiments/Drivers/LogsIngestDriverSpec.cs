using Assay.Core.Plans;

namespace Assay.Specs.Experiments.Drivers;

/// <summary>
/// <c>workload.logs</c>: <c>{rate: 100/s, services: 20, batchInterval: 500ms, queries: [{name, query, range?}], queryInterval: 2s}</c>.
/// The target is Loki.
/// </summary>
internal sealed class LogsIngestDriverSpec : DriverSpec
{
    private const string BlockName = "logs";
    private const string Example = "{name: errors, query: '{job=\"assay\", level=\"error\"}'}";
    private static readonly TimeSpan DefaultQueryInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DefaultBatchInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DefaultRange = TimeSpan.FromMinutes(5);
    private static readonly string[] QueryFields = ["name", "query", "range"];

    public override string Driver => LogsIngestWorkloadPlan.DriverName;

    public override string? Block => BlockName;

    public override bool ModelRequired => false;

    public override IReadOnlyCollection<string> BlockFields { get; } = ["rate", "services", "batchInterval", "queries", "queryInterval"];

    public override WorkloadPlan? Resolve(DriverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IngestBlock.RejectModel(context, Driver, BlockName);
        context.OperationNames.Add(LogsIngestWorkloadPlan.PushOperation);
        if (context.Block is not { } block)
        {
            context.Values.Required(context.Workload, BlockName);
            return null;
        }
        var node = new IngestBlock.BlockNode(block);
        if (!block.Has("rate")) context.Values.Required(node, "rate");
        var rate = context.Values.RatePerSecond(block.Scalar("rate"));
        if (!block.Has("services")) context.Values.Required(node, "services");
        var services = context.Values.Integer(block.Scalar("services"), 1, 10_000);
        var batch = IngestBlock.Duration(context, block, "batchInterval", DefaultBatchInterval);
        var interval = IngestBlock.Duration(context, block, "queryInterval", DefaultQueryInterval);
        var queries = IngestBlock.Queries(context, block, QueryFields, LogsIngestWorkloadPlan.PushOperation, Example);
        var resolved = queries?.Select(q => Query(context, q)).ToList();

        if (context.Common.Target is not { } target || rate is null || services is null || batch is null || interval is null
            || resolved is null || resolved.Any(q => q is null) || context.Common.Duration is not { } duration)
        {
            return null;
        }
        return new LogsIngestWorkloadPlan(target, rate.Value, services.Value, batch.Value, [.. resolved.OfType<LogQueryPlan>()], interval.Value,
            context.Common.Model ?? new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero), context.Common.WarmUp, duration, context.Common.Timeout);
    }

    private static LogQueryPlan? Query(DriverContext context, IngestBlock.NamedQuery query)
    {
        var range = query.Reader.Has("range") ? context.Values.Duration(query.Reader.Scalar("range"), allowZero: false) : DefaultRange;
        return query.Name is null || query.Query is null || range is null ? null : new LogQueryPlan(query.Name, query.Query, range.Value);
    }
}
