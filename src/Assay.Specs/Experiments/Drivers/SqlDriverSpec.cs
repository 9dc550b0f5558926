using Assay.Core.Plans;

namespace Assay.Specs.Experiments.Drivers;

/// <summary>
/// <c>workload.sql</c>: pgbench's TPC-B-like or select-only scenario at a scale factor, prepared or not.
/// The model's connections are pgbench's clients.
/// </summary>
internal sealed class SqlDriverSpec : DriverSpec
{
    public const int DefaultScale = 10;

    private static readonly string[] Scenarios = ["tpcb-like", "select-only"];

    public override string Driver => SqlWorkloadPlan.DriverName;

    public override IReadOnlyCollection<string> BlockFields { get; } = ["scenario", "scale", "prepared"];

    public override WorkloadPlan? Resolve(DriverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var block = context.Block;
        var scenarioText = block?.Scalar("scenario") is { } scenarioScalar ? context.Values.OneOf(scenarioScalar, Scenarios) : Scenarios[0];
        // Up to 1,000 (100 million accounts): the driver keeps every balance in memory to check what SELECT returns.
        var scale = block?.Scalar("scale") is { } scaleScalar ? context.Values.Integer(scaleScalar, 1, 1_000) : DefaultScale;
        var prepared = block?.Scalar("prepared") is { } preparedScalar ? Flag(context.Values, preparedScalar) : true;

        var scenario = scenarioText == "select-only" ? SqlScenario.SelectOnly : SqlScenario.TpcbLike;
        context.OperationNames.Add(SqlWorkloadPlan.OperationOf(scenario));
        var common = context.Common;
        if (scenarioText is null || scale is null || prepared is null || common.Target is null || common.Model is null || common.Duration is null) return null;
        return new SqlWorkloadPlan(common.Target, scenario, scale.Value, prepared.Value, common.Model, common.WarmUp, common.Duration.Value, common.Timeout);
    }

    /// <summary>true or false as YAML writes them; null (reported) for anything else.</summary>
    private static bool? Flag(Values.ValueReader values, Values.Scalar scalar) => values.OneOf(scalar, ["true", "false"]) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
