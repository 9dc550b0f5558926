using System.Globalization;

namespace Assay.Core.Measurements;

/// <summary>
/// What a workload driver measured in one trial's measured window (warm-up excluded): operations that
/// completed inside the window, their latencies by operation, the per-second series and, for the open
/// model, how well the generator kept its schedule.
/// </summary>
/// <param name="Window">The measured window's length; throughput is succeeded operations over it.</param>
/// <param name="ByOperation">One entry per request of the mix (or operation type of other drivers).</param>
/// <param name="PerSecond">Completions per second of the window, from second 0.</param>
/// <param name="ErrorKinds">Failed operations by cause: <c>status 500</c>, <c>timeout</c>, <c>connection</c>…</param>
/// <param name="Schedule">The open model's schedule keeping; null for the closed model.</param>
public sealed record WorkloadMeasurement(
    string Unit,
    TimeSpan Window,
    IReadOnlyList<OperationMeasurement> ByOperation,
    IReadOnlyList<SecondCount> PerSecond,
    IReadOnlyDictionary<string, long> ErrorKinds,
    ScheduleMeasurement? Schedule)
{
    public long Total => ByOperation.Sum(o => o.Total);

    public long Failed => ByOperation.Sum(o => o.Failed);

    public long Succeeded => Total - Failed;

    /// <summary>Succeeded operations per second of the window: a fast wrong answer is not throughput.</summary>
    public double Throughput => Window > TimeSpan.Zero ? Succeeded / Window.TotalSeconds : 0;

    public double ErrorRate => Total == 0 ? 0 : (double)Failed / Total;

    /// <summary>All operations' latencies in one histogram.</summary>
    public LatencyHistogram Latency() => LatencyHistogram.Merge(ByOperation.Select(o => o.Latency));

    /// <summary>Null when the measurement can be trusted, else why not.</summary>
    public string? InvalidReason => Schedule is { Valid: false } s ? s.Reason : null;

    /// <summary>
    /// Figures a driver measures besides operations, by name in camelCase with the unit in the name
    /// (<c>published</c>, <c>received</c>, <c>lost</c>, <c>headSeries</c>, <c>ingestedSamplesPerSecond</c>…).
    /// </summary>
    public IReadOnlyDictionary<string, double> Stats { get; init; } = new Dictionary<string, double>();
}

/// <summary>One operation of the mix: how many completed, how many failed, and their latencies.</summary>
/// <param name="Latency">Every operation that got an answer (failed ones included); timeouts and connection errors are not latencies.</param>
/// <param name="StatusCounts">Answers by protocol status (HTTP status code), for the report.</param>
public sealed record OperationMeasurement(
    string Name,
    long Total,
    long Failed,
    LatencyHistogram Latency,
    IReadOnlyDictionary<int, long> StatusCounts);

/// <summary>Completions in one second of the measured window.</summary>
public sealed record SecondCount(int Second, long Succeeded, long Failed);

/// <summary>
/// How closely an open-model generator kept its schedule. A send is late when the generator itself
/// sent it more than the tolerance after it was due while a connection was free; a request is unsent
/// when its time came inside the window and it was never sent. Waiting for a busy connection is not
/// lateness: it is the server's doing and counts as latency.
/// </summary>
public sealed record ScheduleMeasurement(
    double TargetRate,
    long Scheduled,
    long Sent,
    long LateSends,
    long Unsent,
    double LagP99Ms,
    double LagMaxMs,
    double MaxLateFraction)
{
    /// <summary>Late and unsent requests as a fraction of those scheduled.</summary>
    public double BehindFraction => Scheduled == 0 ? 0 : (double)(LateSends + Unsent) / Scheduled;

    public bool BehindSchedule => LateSends + Unsent > 0;

    public bool Valid => BehindFraction <= MaxLateFraction;

    /// <summary>Why the measurement is invalid, for the result document (so in the invariant culture); null when valid.</summary>
    public string? Reason => Valid
        ? null
        : string.Create(
            CultureInfo.InvariantCulture,
            $"the load generator fell behind its schedule: {LateSends} late and {Unsent} unsent of {Scheduled} requests due at {TargetRate:0.##}/s ({BehindFraction:P1} > {MaxLateFraction:P1} allowed)");
}
