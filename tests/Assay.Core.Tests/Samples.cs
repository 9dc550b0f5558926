using Assay.Core.Measurements;

namespace Assay.Core.Tests;

/// <summary>Hand-built measurements whose every figure can be worked out on paper.</summary>
internal static class Samples
{
    public static LatencyHistogram Histogram(IEnumerable<long> microseconds)
    {
        var histogram = LatencyHistogram.Create();
        foreach (var value in microseconds) histogram.RecordMicroseconds(value);
        return histogram;
    }

    /// <summary>Latencies first, first + step, … : <paramref name="count"/> values, all below 2048 µs so HdrHistogram holds them exactly.</summary>
    public static LatencyHistogram Steps(long first, long step, int count) =>
        Histogram(Enumerable.Range(0, count).Select(i => first + i * step));

    /// <summary>An operation whose failures all answered 500 and the rest 200.</summary>
    public static OperationMeasurement Operation(string name, long total, long failed, LatencyHistogram? latency = null)
    {
        var statuses = new Dictionary<int, long> { [200] = total - failed };
        if (failed > 0) statuses[500] = failed;
        return new(name, total, failed, latency ?? LatencyHistogram.Create(), statuses);
    }

    public static WorkloadMeasurement Workload(TimeSpan window, IReadOnlyList<OperationMeasurement> operations, ScheduleMeasurement? schedule = null) =>
        new("requests", window, operations, [], new Dictionary<string, long>(), schedule);

    /// <summary>An open-model schedule of 1000 requests allowing 1% behind.</summary>
    public static ScheduleMeasurement Schedule(long late, long unsent, double maxLateFraction = 0.01) =>
        new(100, 1_000, 1_000 - unsent, late, unsent, 0.4, 2.5, maxLateFraction);
}
