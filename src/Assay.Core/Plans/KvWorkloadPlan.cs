using System.Text.Json.Serialization;

namespace Assay.Core.Plans;

/// <summary>How a key-value workload picks keys.</summary>
public enum KeyDistribution
{
    /// <summary>Every key equally likely.</summary>
    Uniform,
    /// <summary>Key k (0-based rank) with probability ∝ 1 / (k + 1)^exponent: a few hot keys, a long tail.</summary>
    Zipfian,
}

/// <summary>
/// Key-value load (Redis, memcached): a GET/SET mix over a fixed keyspace, one request in flight per
/// connection. Every value names its key and a version, so a GET that returns anything but a value
/// the key could hold is an error.
/// </summary>
/// <param name="GetRatio">The fraction of operations that are GETs (0–1); the rest are SETs.</param>
/// <param name="Keyspace">How many distinct keys (<c>key:000000000000</c> …).</param>
/// <param name="ValueBytes">The size of every value written.</param>
/// <param name="ZipfExponent">The exponent of the zipfian distribution (ignored for uniform).</param>
/// <param name="Preload">Write every key once before the warm-up, so GETs hit from the start.</param>
public sealed record KvWorkloadPlan(
    TargetPlan Target,
    double GetRatio,
    int Keyspace,
    int ValueBytes,
    KeyDistribution Distribution,
    double ZipfExponent,
    bool Preload,
    LoadModel Model,
    TimeSpan WarmUp,
    TimeSpan Duration,
    TimeSpan Timeout) : WorkloadPlan(Model, WarmUp, Duration, Timeout)
{
    public const string DriverName = "kv";

    public const string GetOperation = "get";

    public const string SetOperation = "set";

    /// <summary>The smallest value that still holds its key, its version and a check pattern.</summary>
    public const int MinValueBytes = 40;

    // [JsonIgnore] again on the overrides: see HttpWorkloadPlan.
    [JsonIgnore]
    public override string Driver => DriverName;

    [JsonIgnore]
    public override string OperationUnit => "operations";

    [JsonIgnore]
    public override IReadOnlyDictionary<string, TargetPlan> Targets => new Dictionary<string, TargetPlan> { [TargetRole] = Target };
}
