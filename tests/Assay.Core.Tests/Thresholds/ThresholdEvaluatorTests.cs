using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Thresholds;
using static Assay.Core.Tests.Samples;

namespace Assay.Core.Tests.Thresholds;

public class ThresholdEvaluatorTests
{
    private const string Http = "http";

    /// <summary>
    /// 200 requests in 10 s: home answered in 10, 20 … 1000 µs, none failed; echo answered in 1010, 1020 …
    /// 2000 µs, 20 failed. Merged, the latencies are 10 … 2000 µs in steps of 10, all held exactly.
    /// </summary>
    private static readonly WorkloadMeasurement Measured = Workload(
        TimeSpan.FromSeconds(10),
        [Operation("home", 100, 0, Steps(10, 10, 100)), Operation("echo", 100, 20, Steps(1_010, 10, 100))]);

    private static ThresholdPlan Threshold(string metric, ThresholdStat stat, ComparisonOperator op, double value, string? tag = null, double? percentile = null) =>
        new($"{metric}: test", metric, tag, stat, percentile, op, value, null);

    private static ThresholdResult Evaluate(ThresholdPlan threshold, WorkloadMeasurement? measurement = null) =>
        ThresholdEvaluator.Evaluate(threshold, measurement ?? Measured, Http);

    [Theory]
    [InlineData(ThresholdStat.Percentile, 95.0, 1.9)]
    [InlineData(ThresholdStat.Percentile, 50.0, 1.0)]
    [InlineData(ThresholdStat.Percentile, 99.5, 1.99)]
    [InlineData(ThresholdStat.Med, null, 1.0)]
    [InlineData(ThresholdStat.Avg, null, 1.005)]
    [InlineData(ThresholdStat.Min, null, 0.01)]
    [InlineData(ThresholdStat.Max, null, 2.0)]
    public void A_trend_threshold_reads_its_statistic_of_all_requests_in_milliseconds(ThresholdStat stat, double? percentile, double expectedMs)
    {
        var result = Evaluate(Threshold(MetricCatalog.Duration, stat, ComparisonOperator.LessThan, 1_000, percentile: percentile));
        Assert.True(result.Passed);
        Assert.Equal(expectedMs, result.Actual!.Value, 12);
        Assert.Equal("ms", result.Unit);
    }

    [Theory]
    [InlineData(ComparisonOperator.LessThan, 2.0, true)]
    [InlineData(ComparisonOperator.LessThan, 1.9, false)]
    [InlineData(ComparisonOperator.LessOrEqual, 1.9, true)]
    [InlineData(ComparisonOperator.GreaterThan, 1.9, false)]
    [InlineData(ComparisonOperator.GreaterOrEqual, 1.9, true)]
    public void A_percentile_passes_or_fails_by_comparing_its_value_with_the_limit(ComparisonOperator op, double limitMs, bool passes)
    {
        var result = Evaluate(Threshold(MetricCatalog.Duration, ThresholdStat.Percentile, op, limitMs, percentile: 95));
        Assert.Equal(passes, result.Passed);
        Assert.Equal(1.9, result.Actual);
    }

    [Fact]
    public void A_tagged_trend_threshold_reads_only_that_requests_latencies()
    {
        // echo alone: 1010 … 2000 µs, the 95th of 100 values is 1950 µs.
        var result = Evaluate(Threshold(MetricCatalog.Duration, ThresholdStat.Percentile, ComparisonOperator.LessThan, 1.9, "echo", 95));
        Assert.False(result.Passed);
        Assert.Equal(1.95, result.Actual);
    }

    [Fact]
    public void The_failure_rate_is_failed_requests_over_all_requests()
    {
        var result = Evaluate(Threshold(MetricCatalog.Failed, ThresholdStat.Rate, ComparisonOperator.LessThan, 0.05));
        Assert.False(result.Passed);
        Assert.Equal(0.1, result.Actual);
        Assert.Equal("fraction", result.Unit);
    }

    [Fact]
    public void A_tagged_failure_rate_counts_only_that_request() =>
        Assert.Equal(0.2, Evaluate(Threshold(MetricCatalog.Failed, ThresholdStat.Rate, ComparisonOperator.LessThan, 0.05, "echo")).Actual);

    [Fact]
    public void The_count_of_a_rate_metric_is_the_number_of_failures()
    {
        var result = Evaluate(Threshold(MetricCatalog.Errors, ThresholdStat.Count, ComparisonOperator.LessOrEqual, 20));
        Assert.True(result.Passed);
        Assert.Equal(20, result.Actual);
        Assert.Equal("count", result.Unit);
    }

    [Fact]
    public void The_errors_metric_reads_the_same_rate_as_http_req_failed() =>
        Assert.Equal(0.1, Evaluate(Threshold(MetricCatalog.Errors, ThresholdStat.Rate, ComparisonOperator.LessThan, 1)).Actual);

    [Fact]
    public void A_counter_count_is_the_number_of_succeeded_requests()
    {
        var result = Evaluate(Threshold(MetricCatalog.Requests, ThresholdStat.Count, ComparisonOperator.GreaterThan, 180));
        Assert.False(result.Passed);
        Assert.Equal(180, result.Actual);
        Assert.Equal("requests", result.Unit);
    }

    [Fact]
    public void A_counter_rate_is_succeeded_requests_per_second_of_the_window()
    {
        var result = Evaluate(Threshold(MetricCatalog.Requests, ThresholdStat.Rate, ComparisonOperator.GreaterOrEqual, 18));
        Assert.True(result.Passed);
        Assert.Equal(18, result.Actual);
        Assert.Equal("requests/s", result.Unit);
    }

    [Fact]
    public void A_tagged_counter_counts_only_that_request() =>
        Assert.Equal(100, Evaluate(Threshold(MetricCatalog.Requests, ThresholdStat.Count, ComparisonOperator.GreaterThan, 0, "home")).Actual);

    [Fact]
    public void A_tag_naming_no_request_of_the_mix_fails_with_nothing_read()
    {
        var result = Evaluate(Threshold(MetricCatalog.Duration, ThresholdStat.Max, ComparisonOperator.LessThan, 1_000, "nope"));
        Assert.Equal(new ThresholdResult("http_req_duration: test", false, null, "ms"), result);
    }

    [Theory]
    [InlineData(MetricCatalog.Duration, ThresholdStat.Avg, "ms")]
    [InlineData(MetricCatalog.Failed, ThresholdStat.Rate, "fraction")]
    [InlineData(MetricCatalog.Requests, ThresholdStat.Count, "requests")]
    public void Zero_requests_fail_every_threshold_instead_of_passing_vacuously(string metric, ThresholdStat stat, string unit)
    {
        var nothing = Workload(TimeSpan.FromSeconds(10), [Operation("home", 0, 0)]);
        // rate < 1 and count < 1 would both hold for an empty measurement.
        var result = Evaluate(Threshold(metric, stat, ComparisonOperator.LessThan, 1), nothing);
        Assert.False(result.Passed);
        Assert.Null(result.Actual);
        Assert.Equal(unit, result.Unit);
    }

    [Fact]
    public void A_metric_the_driver_does_not_produce_fails_with_no_unit()
    {
        var result = Evaluate(Threshold("grpc_req_duration", ThresholdStat.Avg, ComparisonOperator.LessThan, 1_000));
        Assert.False(result.Passed);
        Assert.Null(result.Actual);
        Assert.Equal("", result.Unit);
        Assert.False(ThresholdEvaluator.Evaluate(Threshold(MetricCatalog.Duration, ThresholdStat.Avg, ComparisonOperator.LessThan, 1_000), Measured, "sql").Passed);
    }

    [Theory]
    [InlineData(ComparisonOperator.LessThan, 1, 2, true)]
    [InlineData(ComparisonOperator.LessThan, 2, 2, false)]
    [InlineData(ComparisonOperator.LessOrEqual, 2, 2, true)]
    [InlineData(ComparisonOperator.LessOrEqual, 3, 2, false)]
    [InlineData(ComparisonOperator.GreaterThan, 3, 2, true)]
    [InlineData(ComparisonOperator.GreaterThan, 2, 2, false)]
    [InlineData(ComparisonOperator.GreaterOrEqual, 2, 2, true)]
    [InlineData(ComparisonOperator.GreaterOrEqual, 1, 2, false)]
    [InlineData(ComparisonOperator.Equal, 2, 2, true)]
    [InlineData(ComparisonOperator.Equal, 1, 2, false)]
    [InlineData(ComparisonOperator.NotEqual, 1, 2, true)]
    [InlineData(ComparisonOperator.NotEqual, 2, 2, false)]
    public void Compare_applies_each_operator_as_written(ComparisonOperator op, double actual, double limit, bool expected) =>
        Assert.Equal(expected, ThresholdEvaluator.Compare(actual, op, limit));
}
