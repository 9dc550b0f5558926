using Assay.Core.Measurements;

namespace Assay.Workloads.Tests.PubSub;

/// <summary>What every clean run against a real broker must show, whatever the broker.</summary>
internal static class BrokerChecks
{
    /// <summary>
    /// Every message due in the window was published, and every subscriber got each once, in order, with a
    /// latency; the generator kept its schedule.
    /// </summary>
    public static void AssertClean(WorkloadMeasurement measurement, double rate, double windowSeconds, int subscribers)
    {
        var why = Describe(measurement);
        Assert.True(measurement.ErrorKinds.Count == 0, why);
        Assert.Equal(0, measurement.Failed);
        var schedule = measurement.Schedule!;
        Assert.True(schedule.Valid, why);
        Assert.InRange(schedule.Scheduled, (long)(rate * windowSeconds) - 1, (long)(rate * windowSeconds) + 1);
        var published = (long)measurement.Stats["published"];
        Assert.True(published == schedule.Sent, why);
        Assert.True(published >= schedule.Scheduled * 0.95, why);
        Assert.Equal(published * subscribers, (long)measurement.Stats["expected"]);
        Assert.Equal(published * subscribers, (long)measurement.Stats["received"]);
        Assert.Equal(published * subscribers, measurement.Succeeded);
        Assert.Equal(0, measurement.Stats["lost"]);
        Assert.Equal(0, measurement.Stats["duplicates"]);
        Assert.Equal(0, measurement.Stats["reordered"]);
        Assert.Equal(measurement.Succeeded, measurement.Latency().Count);
        Assert.InRange(measurement.Latency().PercentileMs(50), 0.001, 2000);
        Assert.Equal(measurement.Succeeded, measurement.PerSecond.Sum(s => s.Succeeded));
    }

    public static string Describe(WorkloadMeasurement measurement) =>
        $"errors: {string.Join(", ", measurement.ErrorKinds.Select(e => $"{e.Value} {e.Key}"))}; stats: {string.Join(", ", measurement.Stats.Select(s => $"{s.Key}={s.Value}"))}; schedule: {measurement.Schedule}";
}
