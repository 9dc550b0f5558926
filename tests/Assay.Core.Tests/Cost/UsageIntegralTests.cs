using Assay.Core.Cost;
using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Core.Tests.Cost;

public class UsageIntegralTests
{
    private static readonly UsageWindow Window = new(10, 40);

    [Fact]
    public void Usage_is_integrated_from_the_cumulative_cpu_and_the_working_set_line()
    {
        // CPU: 23 − 2 = 21 core-seconds in [10, 40]. Memory: 0.5→1.5 over 10 s (10 GiB-s), 1.5 flat (15), 1.5→0.5 (10) = 35 GiB-s.
        var allocation = UsageIntegral.Integrate(CostSamples.Stepped(), ResourcePlan.Unlimited, Window);
        Assert.True(allocation.FromSeries);
        Assert.Equal(30.0 / 3600, allocation.Hours, 12);
        Assert.Equal(21.0 / 3600, allocation.CpuUsageCoreHours, 12);
        Assert.Equal(35.0 / 3600, allocation.MemoryUsageGiBHours, 12);
        // Without a request the allocation is the usage (OpenCost's max(request, usage) with request 0).
        Assert.Equal(allocation.CpuUsageCoreHours, allocation.CpuAllocatedCoreHours, 12);
        Assert.Equal(allocation.MemoryUsageGiBHours, allocation.MemoryAllocatedGiBHours, 12);
        Assert.Null(allocation.CpuRequestCoreHours);
        Assert.Null(allocation.MemoryRequestGiBHours);
        Assert.Equal(1.5, allocation.MemoryPeakGiB, 12);
    }

    [Fact]
    public void A_request_between_the_lows_and_the_highs_is_charged_where_usage_is_below_it()
    {
        // CPU request 0.5: max(0.5, 0.8)·10 + max(0.5, 0.3)·10 + max(0.5, 1.0)·10 = 8 + 5 + 10 = 23 core-seconds.
        // Memory request 1 GiB: the line 0.5→1.5 crosses 1 at 15 s: 1·5 + (1 + 1.5)/2·5 = 11.25; then 15; then 11.25 = 37.5 GiB-s.
        var allocation = UsageIntegral.Integrate(CostSamples.Stepped(), CostSamples.Request(0.5, 1), Window);
        Assert.Equal(23.0 / 3600, allocation.CpuAllocatedCoreHours, 12);
        Assert.Equal(37.5 / 3600, allocation.MemoryAllocatedGiBHours, 12);
        Assert.Equal(15.0 / 3600, allocation.CpuRequestCoreHours!.Value, 12);
        Assert.Equal(30.0 / 3600, allocation.MemoryRequestGiBHours!.Value, 12);
        Assert.Equal(21.0 / 3600, allocation.CpuUsageCoreHours, 12);
    }

    [Fact]
    public void A_request_above_all_usage_is_charged_in_full()
    {
        // 2 cores × 30 s = 60 core-seconds; 2 GiB × 30 s = 60 GiB-s.
        var allocation = UsageIntegral.Integrate(CostSamples.Stepped(), CostSamples.Request(2, 2), Window);
        Assert.Equal(60.0 / 3600, allocation.CpuAllocatedCoreHours, 12);
        Assert.Equal(60.0 / 3600, allocation.MemoryAllocatedGiBHours, 12);
    }

    [Fact]
    public void A_request_below_all_usage_changes_nothing()
    {
        var allocation = UsageIntegral.Integrate(CostSamples.Stepped(), CostSamples.Request(0.1, 0.25), Window);
        Assert.Equal(21.0 / 3600, allocation.CpuAllocatedCoreHours, 12);
        Assert.Equal(35.0 / 3600, allocation.MemoryAllocatedGiBHours, 12);
    }

    [Fact]
    public void Samples_outside_the_window_count_only_for_the_part_inside_it()
    {
        // [15, 35]: CPU 0.8·5 + 0.3·10 + 1.0·5 = 12; memory (1.0 + 1.5)/2·5 + 15 + (1.5 + 1.0)/2·5 = 27.5.
        var allocation = UsageIntegral.Integrate(CostSamples.Stepped(), ResourcePlan.Unlimited, new UsageWindow(15, 35));
        Assert.Equal(20.0 / 3600, allocation.Hours, 12);
        Assert.Equal(12.0 / 3600, allocation.CpuUsageCoreHours, 12);
        Assert.Equal(27.5 / 3600, allocation.MemoryUsageGiBHours, 12);
    }

    [Fact]
    public void Averages_across_a_coarse_interval_would_undercharge_a_spiky_instance()
    {
        // The window's average CPU is 0.7 cores, above a 0.5 request, so an average-based allocation charges
        // 0.7 × 30 = 21 core-seconds; the samples show 10 s under the request, charged 23.
        var allocation = UsageIntegral.Integrate(CostSamples.Stepped(), CostSamples.Request(0.5, null), Window);
        Assert.Equal(23.0 / 3600, allocation.CpuAllocatedCoreHours, 12);
        Assert.True(allocation.CpuAllocatedCoreHours > 0.7 * allocation.Hours);
    }

    [Theory]
    [InlineData(1.0, 0.5, 1.5, 10, 11.25)]
    [InlineData(1.0, 1.5, 0.5, 10, 11.25)]
    [InlineData(1.0, 1.2, 1.4, 10, 13)]
    [InlineData(1.0, 0.2, 0.4, 10, 10)]
    [InlineData(1.0, 0.0, 2.0, 2, 2.5)]
    public void The_max_of_a_request_and_a_line_is_integrated_exactly(double request, double m0, double m1, double dt, double expected) =>
        Assert.Equal(expected, UsageIntegral.MaxIntegral(request, m0, m1, dt), 12);

    [Fact]
    public void A_series_that_misses_the_window_falls_back_to_the_window_averages()
    {
        var usage = new ComponentUsage("web", 0, 3, 0.1, 2 * CostSamples.GiB, CostSamples.GiB, [new UsageSample(5, 1, CostSamples.GiB)]);
        var allocation = UsageIntegral.Integrate(usage, CostSamples.Request(0.5, null), Window);
        Assert.False(allocation.FromSeries);
        Assert.Equal(0.1 * 30 / 3600, allocation.CpuUsageCoreHours, 12);
        Assert.Equal(0.5 * 30 / 3600, allocation.CpuAllocatedCoreHours, 12);
        Assert.Equal(1.0 * 30 / 3600, allocation.MemoryUsageGiBHours, 12);
        Assert.Equal(2.0, allocation.MemoryPeakGiB, 12);
    }

    [Fact]
    public void A_cpu_counter_that_goes_back_counts_as_no_usage()
    {
        var usage = CostSamples.Usage("web", 0, (0, 5, 1), (10, 1, 1), (20, 3, 1));
        var allocation = UsageIntegral.Integrate(usage, ResourcePlan.Unlimited, new UsageWindow(0, 20));
        Assert.Equal(2.0 / 3600, allocation.CpuUsageCoreHours, 12);
    }
}
