using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class ScaleTests
{
    [Fact]
    public void A_log_scale_spans_whole_decades_with_a_tick_at_each_power_of_ten()
    {
        var scale = Scale.For([2, 10_000], 0, 400, log: true, includeZero: false);

        Assert.Equal([1, 10, 100, 1_000, 10_000], scale.Ticks());
        Assert.Equal(0, scale.Pixel(1), 6);
        Assert.Equal(100, scale.Pixel(10), 6);
        Assert.Equal(400, scale.Pixel(10_000), 6);
    }

    [Fact]
    public void Each_decade_takes_the_same_width_on_a_log_scale()
    {
        var scale = Scale.For([1, 1_000], 0, 300, log: true, includeZero: false);

        Assert.Equal(scale.Pixel(10) - scale.Pixel(1), scale.Pixel(1_000) - scale.Pixel(100), 6);
    }

    [Fact]
    public void A_log_scale_clamps_values_that_are_not_positive()
    {
        var scale = Scale.For([0, -5, 10, 100], 0, 100, log: true, includeZero: false);

        Assert.Equal(10, scale.Min);
        Assert.Equal(0, scale.Pixel(0), 6);
    }

    [Fact]
    public void A_linear_scale_starts_at_zero_when_asked_and_ticks_at_round_steps()
    {
        var scale = Scale.For([380, 412], 200, 0, log: false, includeZero: true);

        Assert.Equal([0, 100, 200, 300, 400, 500], scale.Ticks());
        Assert.Equal(200, scale.Pixel(0), 6);
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.5, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(0.013, 0.02)]
    [InlineData(0.05000000000000001, 0.05)]
    [InlineData(0, 1)]
    public void Steps_are_one_two_or_five_times_a_power_of_ten(double rough, double expected) =>
        Assert.Equal(expected, Scale.NiceStep(rough), 10);

    [Fact]
    public void A_scale_of_no_values_or_of_one_value_still_has_a_range()
    {
        Assert.True(Scale.For([], 0, 100, log: false, includeZero: false).Max > 0);
        var single = Scale.For([5], 0, 100, log: false, includeZero: false);
        Assert.True(single.Max > single.Min);
    }
}
