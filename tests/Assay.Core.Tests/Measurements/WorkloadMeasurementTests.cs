using static Assay.Core.Tests.Samples;

namespace Assay.Core.Tests.Measurements;

public class WorkloadMeasurementTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public void Totals_add_up_over_every_operation_of_the_mix()
    {
        var measurement = Workload(TenSeconds, [Operation("home", 900, 0), Operation("echo", 100, 50)]);
        Assert.Equal(1_000, measurement.Total);
        Assert.Equal(50, measurement.Failed);
        Assert.Equal(950, measurement.Succeeded);
    }

    [Fact]
    public void Throughput_counts_only_succeeded_operations_over_the_window()
    {
        // 950 succeeded in 10 s; the 50 failures are not throughput.
        var measurement = Workload(TenSeconds, [Operation("home", 900, 0), Operation("echo", 100, 50)]);
        Assert.Equal(95.0, measurement.Throughput);
    }

    [Fact]
    public void Throughput_uses_fractional_windows() =>
        Assert.Equal(400.0, Workload(TimeSpan.FromMilliseconds(2_500), [Operation("home", 1_000, 0)]).Throughput);

    [Fact]
    public void Throughput_of_an_empty_window_is_zero() =>
        Assert.Equal(0, Workload(TimeSpan.Zero, [Operation("home", 10, 0)]).Throughput);

    [Fact]
    public void The_error_rate_is_failed_over_all_operations()
    {
        var measurement = Workload(TenSeconds, [Operation("home", 900, 0), Operation("echo", 100, 50)]);
        Assert.Equal(0.05, measurement.ErrorRate);
    }

    [Fact]
    public void Nothing_measured_has_no_throughput_and_no_error_rate()
    {
        var measurement = Workload(TenSeconds, []);
        Assert.Equal(0, measurement.Throughput);
        Assert.Equal(0, measurement.ErrorRate);
    }

    [Fact]
    public void Latency_merges_every_operations_histogram()
    {
        // 10..1000 µs and 1010..2000 µs: 200 values, the 100th is 1000 µs.
        var measurement = Workload(TenSeconds,
        [
            Operation("home", 100, 0, Steps(10, 10, 100)),
            Operation("echo", 100, 0, Steps(1_010, 10, 100)),
        ]);
        var latency = measurement.Latency();
        Assert.Equal(200, latency.Count);
        Assert.Equal(1.0, latency.PercentileMs(50));
        Assert.Equal(2.0, latency.MaxMs);
        Assert.Equal(0.01, latency.MinMs);
    }

    [Fact]
    public void A_closed_model_measurement_is_always_valid() =>
        Assert.Null(Workload(TenSeconds, [Operation("home", 10, 0)]).InvalidReason);

    [Fact]
    public void An_open_model_measurement_is_invalid_when_its_generator_fell_behind()
    {
        var kept = Workload(TenSeconds, [Operation("home", 10, 0)], Schedule(late: 10, unsent: 0));
        var behind = Workload(TenSeconds, [Operation("home", 10, 0)], Schedule(late: 10, unsent: 1));
        Assert.Null(kept.InvalidReason);
        Assert.Equal(behind.Schedule!.Reason, behind.InvalidReason);
        Assert.NotNull(behind.InvalidReason);
    }
}
