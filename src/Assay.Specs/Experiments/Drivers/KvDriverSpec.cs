using Assay.Core.Plans;

namespace Assay.Specs.Experiments.Drivers;

/// <summary>
/// <c>workload.kv</c>: a GET/SET mix over a keyspace with a key distribution and a value size. The
/// model's connections each keep one request in flight.
/// </summary>
internal sealed class KvDriverSpec : DriverSpec
{
    public const double DefaultGetRatio = 0.9;
    public const int DefaultKeyspace = 10_000;
    public const int DefaultValueBytes = 100;
    public const double DefaultZipfExponent = 0.99;

    // Values beyond this stop being a cache's values (memcached's default item limit is 1 MiB).
    private const long MaxValueBytes = 1 << 20;

    private static readonly string[] Distributions = ["uniform", "zipfian"];

    public override string Driver => KvWorkloadPlan.DriverName;

    public override IReadOnlyCollection<string> BlockFields { get; } = ["getRatio", "keyspace", "valueBytes", "distribution", "zipfExponent", "preload"];

    public override WorkloadPlan? Resolve(DriverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var block = context.Block;
        var values = context.Values;
        var getRatio = block?.Scalar("getRatio") is { } ratio ? values.Number(ratio, 0, exclusiveMin: false, max: 1) : DefaultGetRatio;
        var keyspace = block?.Scalar("keyspace") is { } keys ? values.Integer(keys, 1, 10_000_000) : DefaultKeyspace;
        var valueBytes = block?.Scalar("valueBytes") is { } size ? ValueBytes(values, size) : DefaultValueBytes;
        var distribution = block?.Scalar("distribution") is { } written ? values.OneOf(written, Distributions) : Distributions[0];
        var exponent = block?.Scalar("zipfExponent") is { } zipf ? values.Number(zipf, 0, exclusiveMin: true, max: 10) : DefaultZipfExponent;
        var preload = block?.Scalar("preload") is { } flag ? Flag(values, flag) : true;

        context.OperationNames.Add(KvWorkloadPlan.GetOperation);
        context.OperationNames.Add(KvWorkloadPlan.SetOperation);
        var common = context.Common;
        if (getRatio is null || keyspace is null || valueBytes is null || distribution is null || exponent is null || preload is null
            || common.Target is null || common.Model is null || common.Duration is null)
        {
            return null;
        }
        return new KvWorkloadPlan(
            common.Target, getRatio.Value, keyspace.Value, valueBytes.Value,
            distribution == "zipfian" ? KeyDistribution.Zipfian : KeyDistribution.Uniform, exponent.Value, preload.Value,
            common.Model, common.WarmUp, common.Duration.Value, common.Timeout);
    }

    /// <summary>A size (<c>100</c>, <c>1Ki</c>) big enough to hold the key, the version and a check pattern.</summary>
    private static int? ValueBytes(Values.ValueReader values, Values.Scalar scalar)
    {
        if (values.ByteSize(scalar) is not { } bytes) return null;
        if (bytes is >= KvWorkloadPlan.MinValueBytes and <= MaxValueBytes) return (int)bytes;
        values.Error(scalar, $"must be from {KvWorkloadPlan.MinValueBytes} bytes to 1Mi, got '{scalar.Text}'",
            "every value holds its key, its version and a check pattern, e.g. valueBytes: 100");
        return null;
    }

    /// <summary>true or false as YAML writes them; null (reported) for anything else.</summary>
    private static bool? Flag(Values.ValueReader values, Values.Scalar scalar) => values.OneOf(scalar, ["true", "false"]) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
