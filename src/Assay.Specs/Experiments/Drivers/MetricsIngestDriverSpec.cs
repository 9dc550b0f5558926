using Assay.Core.Plans;

namespace Assay.Specs.Experiments.Drivers;

/// <summary>
/// <c>workload.metrics</c>: <c>{source: gen, level: low|medium|high, queries: [{name, query, range?, step?}], queryInterval: 1s}</c>.
/// The target is the TSDB; <c>source</c> is the cardinality generator it scrapes.
/// </summary>
internal sealed class MetricsIngestDriverSpec : DriverSpec
{
    private const string BlockName = "metrics";
    private const string Example = "{name: by-deck, query: 'avg by (deck) (sensor_reading)'}";
    private static readonly TimeSpan DefaultQueryInterval = TimeSpan.FromSeconds(1);
    private static readonly string[] QueryFields = ["name", "query", "range", "step"];

    public override string Driver => MetricsIngestWorkloadPlan.DriverName;

    public override string? Block => BlockName;

    public override bool ModelRequired => false;

    public override IReadOnlyCollection<string> BlockFields { get; } = ["source", "level", "queries", "queryInterval"];

    public override WorkloadPlan? Resolve(DriverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IngestBlock.RejectModel(context, Driver, BlockName);
        context.OperationNames.Add(MetricsIngestWorkloadPlan.SeriesOperation);
        if (context.Block is not { } block)
        {
            context.Values.Required(context.Workload, BlockName);
            return null;
        }
        var node = new IngestBlock.BlockNode(block);
        var sourceScalar = block.Scalar("source");
        if (sourceScalar is null) context.Values.Required(node, "source");
        var source = sourceScalar is null ? null : context.ResolveComponent(sourceScalar);
        var levelScalar = block.Scalar("level");
        if (levelScalar is null) context.Values.Required(node, "level");
        var level = context.Values.OneOf(levelScalar, [.. MetricsIngestWorkloadPlan.Levels.Keys]);
        var interval = IngestBlock.Duration(context, block, "queryInterval", DefaultQueryInterval);
        var queries = IngestBlock.Queries(context, block, QueryFields, MetricsIngestWorkloadPlan.SeriesOperation, Example);
        var resolved = queries?.Select(q => Query(context, q)).ToList();

        if (context.Common.Target is not { } target || source is null || level is null || interval is null
            || resolved is null || resolved.Any(q => q is null) || context.Common.Duration is not { } duration)
        {
            return null;
        }
        return new MetricsIngestWorkloadPlan(target, source, level, MetricsIngestWorkloadPlan.Levels[level], [.. resolved.OfType<PromQueryPlan>()],
            interval.Value, context.Common.Model ?? new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero),
            context.Common.WarmUp, duration, context.Common.Timeout);
    }

    private static PromQueryPlan? Query(DriverContext context, IngestBlock.NamedQuery query)
    {
        var range = query.Reader.Has("range") ? context.Values.Duration(query.Reader.Scalar("range"), allowZero: false) : null;
        var step = query.Reader.Has("step") ? context.Values.Duration(query.Reader.Scalar("step"), allowZero: false) : null;
        if (step is not null && !query.Reader.Has("range"))
        {
            context.Values.Error(query.Reader.Scalar("step")!, "'step' applies to range queries only", "add range: (e.g. range: 1m), or remove step");
            return null;
        }
        if ((query.Reader.Has("range") && range is null) || (query.Reader.Has("step") && step is null)) return null;
        return query.Name is null || query.Query is null ? null : new PromQueryPlan(query.Name, query.Query, range, step);
    }
}
