using Assay.Core.Diagnostics;
using Assay.Core.Plans;
using Assay.Core.Thresholds;
using Assay.Testing;

namespace Assay.Core.Tests.Thresholds;

public class ThresholdParserTests
{
    private const string Duration = "http_req_duration";
    private const string Failed = "http_req_failed";
    private const string Requests = "http_reqs";
    private const string ExpressionHint = "write STAT OPERATOR VALUE, e.g. p(95)<500ms, avg<200, rate<0.01, count>1000";

    private static ThresholdPlan Parse(string metric, MetricKind kind, string expression, string? tag = null)
    {
        var plan = ThresholdParser.Parse(metric, tag, kind, expression, null, out var error);
        Assert.Null(error);
        return Assert.IsType<ThresholdPlan>(plan);
    }

    private static string Error(string metric, MetricKind kind, string expression)
    {
        Assert.Null(ThresholdParser.Parse(metric, null, kind, expression, null, out var error));
        return Assert.IsType<string>(error);
    }

    [Fact]
    public void A_percentile_threshold_is_parsed_into_stat_percentile_operator_and_milliseconds()
    {
        var location = new SourceLocation("experiment.yaml", 30, 9);
        var plan = ThresholdParser.Parse(Duration, null, MetricKind.Trend, "p(95)<500ms", location, out var error);
        Assert.Null(error);
        Assert.Equal(
            new ThresholdPlan("http_req_duration: p(95)<500ms", Duration, null, ThresholdStat.Percentile, 95, ComparisonOperator.LessThan, 500, location),
            plan);
    }

    [Theory]
    [InlineData("p(99.9)<5", 99.9)]
    [InlineData("p( 50 )<5", 50)]
    [InlineData("p(100)<5", 100)]
    [InlineData("p(0.1)<5", 0.1)]
    public void Percentiles_may_be_fractional_and_reach_100(string expression, double percentile) =>
        Assert.Equal(percentile, Parse(Duration, MetricKind.Trend, expression).Percentile);

    [Theory]
    [InlineData("avg<200", ThresholdStat.Avg)]
    [InlineData("min<200", ThresholdStat.Min)]
    [InlineData("max<200", ThresholdStat.Max)]
    [InlineData("med<200", ThresholdStat.Med)]
    [InlineData("p(90)<200", ThresholdStat.Percentile)]
    public void Every_trend_statistic_is_recognised(string expression, ThresholdStat stat)
    {
        var plan = Parse(Duration, MetricKind.Trend, expression);
        Assert.Equal(stat, plan.Stat);
        Assert.Equal(200, plan.Value);
        Assert.Equal(stat == ThresholdStat.Percentile ? 90.0 : null, plan.Percentile);
    }

    [Theory]
    [InlineData("rate<0.01", ThresholdStat.Rate, 0.01)]
    [InlineData("count<10", ThresholdStat.Count, 10)]
    public void A_rate_metric_reads_rate_and_count(string expression, ThresholdStat stat, double value)
    {
        var plan = Parse(Failed, MetricKind.Rate, expression);
        Assert.Equal(stat, plan.Stat);
        Assert.Equal(value, plan.Value);
    }

    [Theory]
    [InlineData("count>1000", ThresholdStat.Count, 1000)]
    [InlineData("rate>=50.5", ThresholdStat.Rate, 50.5)]
    public void A_counter_metric_reads_count_and_rate_per_second(string expression, ThresholdStat stat, double value)
    {
        var plan = Parse(Requests, MetricKind.Counter, expression);
        Assert.Equal(stat, plan.Stat);
        Assert.Equal(value, plan.Value);
    }

    [Theory]
    [InlineData("avg<5", ComparisonOperator.LessThan)]
    [InlineData("avg<=5", ComparisonOperator.LessOrEqual)]
    [InlineData("avg>5", ComparisonOperator.GreaterThan)]
    [InlineData("avg>=5", ComparisonOperator.GreaterOrEqual)]
    [InlineData("avg==5", ComparisonOperator.Equal)]
    [InlineData("avg=5", ComparisonOperator.Equal)]
    [InlineData("avg!=5", ComparisonOperator.NotEqual)]
    public void Every_operator_is_recognised(string expression, ComparisonOperator op)
    {
        var plan = Parse(Duration, MetricKind.Trend, expression);
        Assert.Equal(op, plan.Operator);
        Assert.Equal(5, plan.Value);
    }

    [Theory]
    [InlineData("p(95)<250", 250)]
    [InlineData("p(95)<250ms", 250)]
    [InlineData("p(95)<1.5s", 1_500)]
    [InlineData("p(95)<750us", 0.75)]
    [InlineData("p(95)<750µs", 0.75)]
    [InlineData("p(95)<1m", 60_000)]
    [InlineData("p(95)<12.5", 12.5)]
    public void Duration_values_are_held_in_milliseconds_and_a_bare_number_is_milliseconds(string expression, double ms) =>
        Assert.Equal(ms, Parse(Duration, MetricKind.Trend, expression).Value, 9);

    [Theory]
    [InlineData("rate<1%", 0.01)]
    [InlineData("rate<1.5%", 0.015)]
    [InlineData("rate<0.5", 0.5)]
    public void Rate_values_may_be_written_as_percentages(string expression, double fraction) =>
        Assert.Equal(fraction, Parse(Failed, MetricKind.Rate, expression).Value);

    [Fact]
    public void Spaces_around_the_parts_are_allowed_and_the_expression_keeps_the_inner_ones()
    {
        var plan = Parse(Duration, MetricKind.Trend, "  avg < 200ms  ");
        Assert.Equal(200, plan.Value);
        Assert.Equal("http_req_duration: avg < 200ms", plan.Expression);
    }

    [Fact]
    public void A_tagged_threshold_keeps_the_request_name_and_says_it_in_the_expression()
    {
        var plan = Parse(Duration, MetricKind.Trend, "p(95)<100", tag: "echo");
        Assert.Equal("echo", plan.Tag);
        Assert.Equal(Duration, plan.Metric);
        Assert.Equal("http_req_duration{request:echo}: p(95)<100", plan.Expression);
    }

    [Theory]
    [InlineData("p95<500")]
    [InlineData("avg 200")]
    [InlineData("")]
    [InlineData("p(95)<")]
    [InlineData("<500")]
    [InlineData("stddev<5")]
    [InlineData("p(95)<500 ms")]
    [InlineData("p(-5)<500")]
    public void A_malformed_expression_is_rejected_with_the_expected_form(string expression) =>
        Assert.Equal($"'{expression}' is not a threshold expression; {ExpressionHint}", Error(Duration, MetricKind.Trend, expression));

    [Theory]
    [InlineData("p(0)<5", "0")]
    [InlineData("p(100.5)<5", "100.5")]
    [InlineData("p(250)<5", "250")]
    public void A_percentile_outside_0_to_100_is_rejected(string expression, string shown) =>
        Assert.Equal(
            $"percentile {shown} is out of range; write p(N) with 0 < N <= 100, e.g. p(99)",
            Error(Duration, MetricKind.Trend, expression));

    [Fact]
    public void An_out_of_range_percentile_is_quoted_as_written_whatever_the_current_culture() =>
        Assert.Equal(
            "percentile 100.50 is out of range; write p(N) with 0 < N <= 100, e.g. p(99)",
            CommaCulture.Run(() => Error(Duration, MetricKind.Trend, "p(100.50)<5")));

    [Fact]
    public void A_duration_threshold_with_an_unreadable_value_says_how_to_write_durations() =>
        Assert.Equal(
            "'fast' is not a duration; write milliseconds (500) or a duration with a unit (500ms, 1.5s)",
            Error(Duration, MetricKind.Trend, "avg<fast"));

    [Fact]
    public void A_duration_threshold_rejects_a_percentage() =>
        Assert.StartsWith("'5%' is not a duration", Error(Duration, MetricKind.Trend, "avg<5%"), StringComparison.Ordinal);

    [Theory]
    [InlineData("rate<lots", "lots")]
    [InlineData("rate<abc%", "abc%")]
    [InlineData("rate<5ms", "5ms")]
    public void A_rate_threshold_with_an_unreadable_value_says_how_to_write_numbers(string expression, string value) =>
        Assert.Equal($"'{value}' is not a number; write e.g. 0.01 or 1%", Error(Failed, MetricKind.Rate, expression));

    [Fact]
    public void A_trend_metric_does_not_have_a_rate() =>
        Assert.Equal(
            "'rate' cannot be read from http_req_duration, a trend metric; use p(N) or avg or min or max or med",
            Error(Duration, MetricKind.Trend, "rate<0.01"));

    [Fact]
    public void A_rate_metric_does_not_have_percentiles() =>
        Assert.Equal(
            "'p(95)' cannot be read from http_req_failed, a rate metric; use rate or count",
            Error(Failed, MetricKind.Rate, "p(95)<0.01"));

    [Theory]
    [InlineData("avg>5", "avg")]
    [InlineData("med>5", "med")]
    [InlineData("max>5", "max")]
    public void A_counter_metric_has_no_distribution(string expression, string stat) =>
        Assert.Equal(
            $"'{stat}' cannot be read from http_reqs, a counter metric; use count or rate",
            Error(Requests, MetricKind.Counter, expression));

    [Fact]
    public void The_allowed_statistics_follow_k6s_metric_types()
    {
        Assert.Equal([ThresholdStat.Percentile, ThresholdStat.Avg, ThresholdStat.Min, ThresholdStat.Max, ThresholdStat.Med], ThresholdParser.AllowedStats(MetricKind.Trend));
        Assert.Equal([ThresholdStat.Rate, ThresholdStat.Count], ThresholdParser.AllowedStats(MetricKind.Rate));
        Assert.Equal([ThresholdStat.Count, ThresholdStat.Rate], ThresholdParser.AllowedStats(MetricKind.Counter));
    }

    [Theory]
    [InlineData("http_req_duration", "http_req_duration", null)]
    [InlineData(" http_reqs ", "http_reqs", null)]
    [InlineData("http_req_duration{request:echo}", "http_req_duration", "echo")]
    [InlineData("http_req_duration{ request : echo }", "http_req_duration", "echo")]
    [InlineData("http_req_failed{name:get-home}", "http_req_failed", "get-home")]
    public void A_metric_key_splits_into_the_metric_and_an_optional_request_tag(string key, string metric, string? tag)
    {
        Assert.True(ThresholdParser.TryParseKey(key, out var parsedMetric, out var parsedTag, out var error));
        Assert.Null(error);
        Assert.Equal(metric, parsedMetric);
        Assert.Equal(tag, parsedTag);
    }

    [Fact]
    public void A_mistyped_tag_key_gets_a_did_you_mean()
    {
        Assert.False(ThresholdParser.TryParseKey("http_req_duration{reqest:echo}", out _, out var tag, out var error));
        Assert.Null(tag);
        Assert.Equal("tag 'reqest' is not known; did you mean 'request'?", error);
    }

    [Fact]
    public void An_unknown_tag_key_lists_the_allowed_ones()
    {
        Assert.False(ThresholdParser.TryParseKey("http_req_duration{method:GET}", out _, out _, out var error));
        Assert.Equal("tag 'method' is not known; allowed: request, name", error);
    }

    [Theory]
    [InlineData("HTTP_REQS")]
    [InlineData("http-reqs")]
    [InlineData("9reqs")]
    [InlineData("http_req_duration{request:}")]
    [InlineData("http_req_duration{request:echo")]
    [InlineData("http_req_duration[request:echo]")]
    public void A_key_that_is_not_a_metric_name_says_how_to_write_one(string key)
    {
        Assert.False(ThresholdParser.TryParseKey(key, out _, out _, out var error));
        Assert.Equal(
            $"'{key}' is not a metric name; write a name such as http_req_duration, optionally with a tag: http_req_duration{{request:echo}}",
            error);
    }
}
