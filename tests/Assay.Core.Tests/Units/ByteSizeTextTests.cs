using Assay.Core.Units;

namespace Assay.Core.Tests.Units;

public class ByteSizeTextTests
{
    private static long Parse(string text)
    {
        Assert.True(ByteSizeText.TryParse(text, out var bytes), $"'{text}' should parse");
        return bytes;
    }

    [Theory]
    [InlineData("1Ki", 1_024)]
    [InlineData("512Mi", 536_870_912)]
    [InlineData("1Gi", 1_073_741_824)]
    [InlineData("1Ti", 1_099_511_627_776)]
    public void Binary_units_are_powers_of_1024(string text, long bytes) =>
        Assert.Equal(bytes, Parse(text));

    [Theory]
    [InlineData("1k", 1_000)]
    [InlineData("1K", 1_000)]
    [InlineData("100M", 100_000_000)]
    [InlineData("2G", 2_000_000_000)]
    [InlineData("3T", 3_000_000_000_000)]
    public void Decimal_units_are_powers_of_1000(string text, long bytes) =>
        Assert.Equal(bytes, Parse(text));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1048576", 1_048_576)]
    public void A_bare_number_is_bytes(string text, long bytes) =>
        Assert.Equal(bytes, Parse(text));

    [Theory]
    [InlineData("1.5Gi", 1_610_612_736)]
    [InlineData("0.5Ki", 512)]
    [InlineData("2.5M", 2_500_000)]
    [InlineData("1.4", 1)]
    public void Fractions_are_rounded_to_whole_bytes(string text, long bytes) =>
        Assert.Equal(bytes, Parse(text));

    [Theory]
    [InlineData("512 Mi")]
    [InlineData(" 512Mi ")]
    public void Spaces_around_and_before_the_unit_are_allowed(string text) =>
        Assert.Equal(536_870_912, Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Mi")]
    [InlineData("-1Mi")]
    [InlineData("1MB")]
    [InlineData("1mi")]
    [InlineData("1KiB")]
    [InlineData("1.5.3")]
    [InlineData("1,5Gi")]
    [InlineData("one")]
    public void Malformed_sizes_are_rejected(string? text)
    {
        Assert.False(ByteSizeText.TryParse(text, out var bytes));
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void A_size_beyond_64_bits_is_rejected_rather_than_saturated()
    {
        // 10,000,000 T = 10^19 bytes, more than long.MaxValue (about 9.22 * 10^18).
        Assert.False(ByteSizeText.TryParse("10000000T", out _));
        Assert.True(ByteSizeText.TryParse("8388607Ti", out var largest));
        Assert.Equal(8_388_607L << 40, largest);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(512, "512 B")]
    [InlineData(1_023, "1023 B")]
    [InlineData(1_024, "1.00 KiB")]
    [InlineData(12_595, "12.3 KiB")]
    [InlineData(268_435_456, "256 MiB")]
    [InlineData(1_610_612_736, "1.50 GiB")]
    [InlineData(2_199_023_255_552, "2.00 TiB")]
    [InlineData(2_251_799_813_685_248, "2048 TiB")]
    public void Format_writes_binary_units_with_three_significant_digits(double bytes, string expected) =>
        Assert.Equal(expected, ByteSizeText.Format(bytes));

    [Theory]
    [InlineData(1_048_575, "1.00 MiB")]
    [InlineData(1_023.6, "1.00 KiB")]
    [InlineData(10_239, "10.0 KiB")]
    [InlineData(102_360, "100 KiB")]
    public void A_size_that_rounds_up_to_the_next_band_is_shown_in_that_band(double bytes, string expected) =>
        Assert.Equal(expected, ByteSizeText.Format(bytes));

    [Theory]
    [InlineData(-2_048, "-2.00 KiB")]
    [InlineData(-512_000, "-500 KiB")]
    public void A_negative_size_gets_the_digits_of_its_magnitude(double bytes, string expected) =>
        Assert.Equal(expected, ByteSizeText.Format(bytes));

    [Fact]
    public void The_hint_names_both_families_of_units()
    {
        foreach (var unit in new[] { "Ki", "Mi", "Gi", "k", "M", "G", "1024", "1000" })
            Assert.Contains(unit, ByteSizeText.Hint, StringComparison.Ordinal);
    }
}
