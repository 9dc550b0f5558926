using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public class MedianTests
{
    [Fact]
    public void The_median_of_nothing_is_zero() => Assert.Equal(0, Median.Of([]));

    [Fact]
    public void The_median_of_one_value_is_that_value() => Assert.Equal(7.5, Median.Of([7.5]));

    [Fact]
    public void An_odd_count_gives_the_middle_value_whatever_the_input_order() =>
        Assert.Equal(3, Median.Of([9, 1, 3]));

    [Fact]
    public void An_even_count_gives_the_mean_of_the_two_middle_values() =>
        Assert.Equal(2.5, Median.Of([4, 1, 3, 2]));

    [Fact]
    public void One_outlier_does_not_drag_the_median() =>
        Assert.Equal(101, Median.Of([100, 101, 1_000_000]));

    [Fact]
    public void Negative_values_are_ordered_numerically() =>
        Assert.Equal(-2, Median.Of([-1, -10, -2]));
}
