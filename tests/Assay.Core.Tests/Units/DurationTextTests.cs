using Assay.Core.Units;

namespace Assay.Core.Tests.Units;

public class DurationTextTests
{
    private static TimeSpan Parse(string text)
    {
        Assert.True(DurationText.TryParse(text, out var value), $"'{text}' should parse");
        return value;
    }

    [Theory]
    [InlineData("250us", 2_500)]
    [InlineData("250µs", 2_500)]
    [InlineData("500ms", 5_000_000)]
    [InlineData("30s", 300_000_000)]
    [InlineData("5m", 3_000_000_000)]
    [InlineData("2h", 72_000_000_000)]
    public void Every_unit_is_read_at_its_own_scale(string text, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), Parse(text));

    [Theory]
    [InlineData("1m30s", 90)]
    [InlineData("1h2m3s", 3_723)]
    [InlineData("2m0s", 120)]
    public void Compound_durations_add_their_parts(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Parse(text));

    [Fact]
    public void Milliseconds_may_follow_seconds_in_a_compound_duration() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1_500), Parse("1s500ms"));

    [Theory]
    [InlineData("1.5s", 15_000_000)]
    [InlineData("0.25ms", 2_500)]
    [InlineData("1.5h", 54_000_000_000)]
    [InlineData("2.5us", 25)]
    public void Decimal_numbers_are_read_with_a_point(string text, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), Parse(text));

    [Fact]
    public void Surrounding_whitespace_is_ignored() =>
        Assert.Equal(TimeSpan.FromSeconds(30), Parse("  30s \t"));

    [Theory]
    [InlineData("30")]
    [InlineData("1.5")]
    [InlineData("0")]
    public void A_bare_number_is_rejected_because_its_unit_would_be_a_guess(string text) =>
        Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("s")]
    [InlineData("abc")]
    [InlineData("30x")]
    [InlineData("30sec")]
    [InlineData("-5s")]
    [InlineData("1m 30s")]
    [InlineData("1,5s")]
    [InlineData(".5s")]
    [InlineData("1.s")]
    [InlineData("1m30")]
    public void Malformed_text_is_rejected_and_the_value_is_zero(string? text)
    {
        Assert.False(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Fact]
    public void The_hint_names_every_unit_and_an_example()
    {
        foreach (var unit in new[] { "us", "ms", "s", "m", "h", "1m30s" })
            Assert.Contains(unit, DurationText.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2_500, "250µs")]
    [InlineData(5, "0.5µs")]
    [InlineData(125_000, "12.5ms")]
    [InlineData(10_000, "1ms")]
    [InlineData(12_500_000, "1.25s")]
    [InlineData(300_000_000, "30s")]
    [InlineData(900_000_000, "1m30s")]
    [InlineData(605_000_000, "1m0.5s")]
    [InlineData(1_200_000_000, "2m")]
    [InlineData(72_000_000_000, "120m")]
    public void Format_picks_the_unit_that_fits_the_size(long ticks, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromTicks(ticks)));

    [Theory]
    [InlineData(9_999_990, "1s")]
    [InlineData(599_990_000, "1m")]
    [InlineData(1_199_990_000, "2m")]
    [InlineData(899_999_000, "1m30s")]
    public void A_duration_that_rounds_up_to_the_next_unit_is_shown_in_that_unit(long ticks, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromTicks(ticks)));

    [Theory]
    [InlineData(2_500)]
    [InlineData(125_000)]
    [InlineData(12_500_000)]
    [InlineData(300_000_000)]
    [InlineData(900_000_000)]
    [InlineData(605_000_000)]
    [InlineData(1_200_000_000)]
    [InlineData(72_000_000_000)]
    public void Formatted_durations_parse_back_to_the_same_value(long ticks)
    {
        var value = TimeSpan.FromTicks(ticks);
        Assert.Equal(value, Parse(DurationText.Format(value)));
    }
}
