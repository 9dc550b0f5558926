using System.Globalization;
using Assay.Reporting.Text;
using Assay.Testing;

namespace Assay.Reporting.Tests.Text;

public class FormatsTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(0.001, "1µs")]
    [InlineData(0.85, "850µs")]
    [InlineData(0.9994, "999µs")]
    [InlineData(1, "1.00ms")]
    [InlineData(5.5, "5.50ms")]
    [InlineData(9.994, "9.99ms")]
    [InlineData(10, "10.0ms")]
    [InlineData(12.34, "12.3ms")]
    [InlineData(999.94, "999.9ms")]
    [InlineData(1_000, "1.00s")]
    [InlineData(1_500, "1.50s")]
    [InlineData(61_234, "61.23s")]
    public void A_latency_is_shown_in_the_unit_that_fits_its_size(double ms, string expected) =>
        Assert.Equal(expected, Formats.Latency(ms));

    [Theory]
    [InlineData(0.9996, "1.00ms")]
    [InlineData(9.996, "10.0ms")]
    [InlineData(999.96, "1.00s")]
    public void A_latency_that_rounds_up_to_the_next_band_is_shown_in_that_band(double ms, string expected) =>
        Assert.Equal(expected, Formats.Latency(ms));

    [Theory]
    [InlineData(0, "0.00/s")]
    [InlineData(0.25, "0.25/s")]
    [InlineData(9.994, "9.99/s")]
    [InlineData(10, "10.0/s")]
    [InlineData(98.5, "98.5/s")]
    [InlineData(999.94, "999.9/s")]
    [InlineData(1_000, "1,000/s")]
    [InlineData(12_345, "12,345/s")]
    [InlineData(1_234_567.8, "1,234,568/s")]
    public void A_rate_gets_fewer_decimals_as_it_grows_and_thousands_separators_from_1000(double perSecond, string expected) =>
        Assert.Equal(expected, Formats.Rate(perSecond));

    [Theory]
    [InlineData(9.996, "10.0/s")]
    [InlineData(999.96, "1,000/s")]
    public void A_rate_that_rounds_up_to_the_next_band_is_shown_in_that_band(double perSecond, string expected) =>
        Assert.Equal(expected, Formats.Rate(perSecond));

    [Fact]
    public void A_rate_may_carry_its_own_unit()
    {
        Assert.Equal("3.00 err/s", Formats.Rate(3, " err/s"));
        Assert.Equal("2,500 req/s", Formats.Rate(2_500, " req/s"));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1_000, "1,000")]
    [InlineData(1_234_567, "1,234,567")]
    [InlineData(-45_678, "-45,678")]
    public void A_count_has_comma_thousands_separators(long count, string expected) =>
        Assert.Equal(expected, Formats.Count(count));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(1_536, "1.50 KiB")]
    [InlineData(52_428_800, "50.0 MiB")]
    [InlineData(3_221_225_472, "3.00 GiB")]
    public void Bytes_are_shown_in_binary_units(long bytes, string expected) =>
        Assert.Equal(expected, Formats.Bytes(bytes));

    [Theory]
    [InlineData(0, "0.000")]
    [InlineData(1.5, "1.500")]
    [InlineData(9.9994, "9.999")]
    [InlineData(12.5, "12.50")]
    [InlineData(123.456, "123.46")]
    public void Seconds_get_three_decimals_below_ten_and_two_above(double seconds, string expected) =>
        Assert.Equal(expected, Formats.Seconds(seconds));

    [Theory]
    [InlineData(0.5, "0.500")]
    [InlineData(2, "2.000")]
    [InlineData(0.1234, "0.123")]
    public void Cores_get_three_decimals(double cores, string expected) =>
        Assert.Equal(expected, Formats.Cores(cores));

    [Theory]
    [InlineData(0, "0.00%")]
    [InlineData(0.005, "0.50%")]
    [InlineData(0.0001, "0.01%")]
    [InlineData(0.01, "1.0%")]
    [InlineData(0.123, "12.3%")]
    [InlineData(1, "100.0%")]
    [InlineData(-0.25, "-25.0%")]
    [InlineData(-0.005, "-0.50%")]
    public void A_fraction_is_a_percentage_with_two_decimals_below_one_percent(double fraction, string expected) =>
        Assert.Equal(expected, Formats.Percent(fraction));

    [Theory]
    [InlineData(2, "2")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.12345, "0.123")]
    [InlineData(1_234.5, "1234.5")]
    public void A_plain_number_has_up_to_three_decimals_and_no_separators(double value, string expected) =>
        Assert.Equal(expected, Formats.Number(value));

    [Theory]
    [InlineData(1.9, "ms", "1.90ms")]
    [InlineData(250, "ms", "250.0ms")]
    [InlineData(0.012, "fraction", "1.2%")]
    [InlineData(18, "requests/s", "18.0/s")]
    [InlineData(1_500, "requests/s", "1,500/s")]
    [InlineData(180, "requests", "180")]
    [InlineData(20, "count", "20")]
    [InlineData(2.5, "", "2.5")]
    public void A_threshold_value_is_shown_in_its_unit(double value, string unit, string expected) =>
        Assert.Equal(expected, Formats.ThresholdValue(value, unit));

    [Theory]
    [InlineData("ms")]
    [InlineData("fraction")]
    [InlineData("")]
    public void A_threshold_with_nothing_measured_shows_n_a(string unit) =>
        Assert.Equal("n/a", Formats.ThresholdValue(null, unit));

    [Fact]
    public void Output_stays_invariant_under_a_culture_with_comma_decimals()
    {
        var outputs = CommaCulture.Run(() => new
        {
            // Proves the culture is in force: the same number formats the German way under it.
            Current = 1_234.5.ToString("N1", CultureInfo.CurrentCulture),
            Latency = Formats.Latency(1_500),
            Micro = Formats.Latency(0.85),
            Rate = Formats.Rate(12_345.6),
            SmallRate = Formats.Rate(98.5),
            Count = Formats.Count(1_234_567),
            Bytes = Formats.Bytes(1_536),
            Seconds = Formats.Seconds(12.5),
            Cores = Formats.Cores(0.5),
            Percent = Formats.Percent(0.123),
            Number = Formats.Number(1_234.5),
            Threshold = Formats.ThresholdValue(0.012, "fraction"),
        });
        Assert.Equal("1.234,5", outputs.Current);
        Assert.Equal(
            ("1.50s", "850µs", "12,346/s", "98.5/s", "1,234,567", "1.50 KiB", "12.50", "0.500", "12.3%", "1234.5", "1.2%"),
            (outputs.Latency, outputs.Micro, outputs.Rate, outputs.SmallRate, outputs.Count, outputs.Bytes, outputs.Seconds, outputs.Cores, outputs.Percent, outputs.Number, outputs.Threshold));
    }
}
