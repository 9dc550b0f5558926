using System.Text.Json.Serialization;

namespace Assay.Core.Plans;

/// <summary>
/// The load driven at a variant: which driver, which arrival model, how long to warm up and to measure.
/// Each driver adds its own fields in a derived record.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "driver")]
[JsonDerivedType(typeof(HttpWorkloadPlan), HttpWorkloadPlan.DriverName)]
[JsonDerivedType(typeof(SqlWorkloadPlan), SqlWorkloadPlan.DriverName)]
[JsonDerivedType(typeof(KvWorkloadPlan), KvWorkloadPlan.DriverName)]
[JsonDerivedType(typeof(PubSubWorkloadPlan), PubSubWorkloadPlan.DriverName)]
[JsonDerivedType(typeof(MetricsIngestWorkloadPlan), MetricsIngestWorkloadPlan.DriverName)]
[JsonDerivedType(typeof(LogsIngestWorkloadPlan), LogsIngestWorkloadPlan.DriverName)]
public abstract record WorkloadPlan(LoadModel Model, TimeSpan WarmUp, TimeSpan Duration, TimeSpan Timeout)
{
    /// <summary>The driver name as written in experiment files (<c>http</c>, …).</summary>
    [JsonIgnore]
    public abstract string Driver { get; }

    /// <summary>What one operation of this driver is called in reports (requests, transactions, messages).</summary>
    [JsonIgnore]
    public abstract string OperationUnit { get; }

    /// <summary>
    /// Where the driver connects, by role: <see cref="TargetRole"/> for the system under test, and any other
    /// role a driver needs (the metrics source a TSDB scrapes, say). The engine resolves each to endpoints.
    /// </summary>
    [JsonIgnore]
    public abstract IReadOnlyDictionary<string, TargetPlan> Targets { get; }

    /// <summary>The role of the system under test in <see cref="Targets"/>.</summary>
    public const string TargetRole = "target";
}

/// <summary>
/// How load arrives. Closed: a fixed number of connections, each waiting for its response (and an
/// optional think time) before sending again. Open: requests start on a fixed schedule whatever the
/// server does, and latency counts from each request's intended start.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ClosedModel), "closed")]
[JsonDerivedType(typeof(OpenModel), "open")]
public abstract record LoadModel;

/// <param name="Connections">Concurrent connections, each with one request in flight.</param>
/// <param name="ThinkTimeMin">Lower bound of the pause between a response and the next request.</param>
/// <param name="ThinkTimeMax">Upper bound; the pause is uniform in [min, max].</param>
public sealed record ClosedModel(int Connections, TimeSpan ThinkTimeMin, TimeSpan ThinkTimeMax) : LoadModel;

/// <param name="RatePerSecond">Requests started per second, evenly spaced.</param>
/// <param name="MaxConnections">Connections available; a request due while all are busy waits, and its wait counts as latency.</param>
/// <param name="LagTolerance">How late the generator itself may send a request before the send counts as late.</param>
/// <param name="MaxLateFraction">The fraction of late or unsent requests beyond which the measurement is invalid.</param>
public sealed record OpenModel(double RatePerSecond, int MaxConnections, TimeSpan LagTolerance, double MaxLateFraction) : LoadModel;

/// <summary>Where load goes: a component of the variant (and one of its ports) or a fixed URL.</summary>
public sealed record TargetPlan(string? Component, string? Port, Uri? Url);

/// <summary>HTTP load: a weighted mix of requests against one target.</summary>
public sealed record HttpWorkloadPlan(
    TargetPlan Target,
    IReadOnlyList<HttpRequestPlan> Requests,
    LoadModel Model,
    TimeSpan WarmUp,
    TimeSpan Duration,
    TimeSpan Timeout) : WorkloadPlan(Model, WarmUp, Duration, Timeout)
{
    public const string DriverName = "http";

    // [JsonIgnore] again on the overrides: System.Text.Json reads the most derived declaration, and a
    // serialized "driver" property would collide with the polymorphic discriminator of the same name.
    [JsonIgnore]
    public override string Driver => DriverName;

    [JsonIgnore]
    public override string OperationUnit => "requests";

    [JsonIgnore]
    public override IReadOnlyDictionary<string, TargetPlan> Targets => new Dictionary<string, TargetPlan> { [TargetRole] = Target };
}

/// <summary>One request of the mix, chosen with probability weight / Σ weights.</summary>
public sealed record HttpRequestPlan(
    string Name,
    double Weight,
    string Method,
    string Path,
    string? Body,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<int> ExpectedStatus);
