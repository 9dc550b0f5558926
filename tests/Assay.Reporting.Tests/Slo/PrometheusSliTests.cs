using Assay.Core.Slo;
using Assay.Reporting.Slo;

namespace Assay.Reporting.Tests.Slo;

public sealed class PrometheusSliTests
{
    private static readonly SloPlan Availability = new("availability", SloKind.Availability, 99.9);

    private static readonly SloPlan Latency = new("latency", SloKind.Latency, 99, TimeSpan.FromMilliseconds(50));

    [Fact]
    public void Availability_is_the_errors_rate_over_the_requests_rate()
    {
        var sli = new AvailabilitySli("http_requests_total", [Examples.Job], Examples.ServerErrors);

        Assert.Equal(
            "(sum(rate(http_requests_total{job=\"api\",status=~\"5..\"}[5m])))\n/\n(sum(rate(http_requests_total{job=\"api\"}[5m])))",
            sli.ErrorRatio("5m"));
    }

    [Fact]
    public void Without_selectors_the_denominator_reads_the_bare_metric()
    {
        var sli = new AvailabilitySli("http_requests_total", [], Examples.ServerErrors);

        Assert.Equal("(sum(rate(http_requests_total{status=~\"5..\"}[1h])))\n/\n(sum(rate(http_requests_total[1h])))", sli.ErrorRatio("1h"));
    }

    [Fact]
    public void Latency_is_count_minus_the_thresholds_bucket_over_count()
    {
        var sli = new LatencySli("request_duration_seconds", [Examples.Job], LatencySli.Exact("0.05"));

        Assert.Equal(
            "(\n  sum(rate(request_duration_seconds_count{job=\"api\"}[30m]))\n  -\n  sum(rate(request_duration_seconds_bucket{job=\"api\",le=\"0.05\"}[30m]))\n)\n/\n(sum(rate(request_duration_seconds_count{job=\"api\"}[30m])))",
            sli.ErrorRatio("30m"));
    }

    [Theory]
    [InlineData(50, "request_duration_seconds", "le=\"0.05\"")]
    [InlineData(250, "request_duration_seconds", "le=\"0.25\"")]
    [InlineData(2.5, "request_duration_seconds", "le=\"0.0025\"")]
    [InlineData(1000, "request_duration_seconds", "le=~\"1(\\\\.0)?\"")]
    [InlineData(50, "http_server_duration_milliseconds", "le=~\"50(\\\\.0)?\"")]
    [InlineData(2.5, "latency_ms", "le=\"2.5\"")]
    [InlineData(0.5, "rpc_latency_microseconds", "le=~\"500(\\\\.0)?\"")]
    public void The_bucket_is_the_threshold_in_the_unit_the_histogram_name_ends_with(double thresholdMs, string histogram, string matcher) =>
        Assert.Equal(matcher, LatencySli.BucketFor(TimeSpan.FromMilliseconds(thresholdMs), histogram)!.ToPromQl());

    [Fact]
    public void A_histogram_name_without_a_unit_has_no_derived_bucket() =>
        Assert.Null(LatencySli.BucketFor(TimeSpan.FromMilliseconds(50), "request_latency"));

    [Theory]
    [InlineData("request_duration_seconds_bucket")]
    [InlineData("request_duration_seconds_count")]
    [InlineData("request_duration_seconds_sum")]
    [InlineData("request_duration_seconds")]
    public void Any_series_of_a_histogram_names_the_histogram(string metric) =>
        Assert.Equal("request_duration_seconds", LatencySli.HistogramName(metric));

    [Fact]
    public void Create_builds_the_sli_of_each_kind_from_the_users_pieces()
    {
        var availability = PrometheusSli.Create(Availability, "http_requests_total", [Examples.Job], Examples.ServerErrors, null, out var p1);
        var latency = PrometheusSli.Create(Latency, "request_duration_seconds_bucket", [Examples.Job], null, null, out var p2);
        var exact = PrometheusSli.Create(Latency, "request_latency", [], null, "0.050", out var p3);

        Assert.Empty(p1.Concat(p2).Concat(p3));
        Assert.Equal(new AvailabilitySli("http_requests_total", [Examples.Job], Examples.ServerErrors).ErrorRatio("5m"), availability!.ErrorRatio("5m"));
        Assert.Equal(new LatencySli("request_duration_seconds", [Examples.Job], LatencySli.Exact("0.05")).ErrorRatio("5m"), latency!.ErrorRatio("5m"));
        Assert.Contains("request_latency_bucket{le=\"0.050\"}", exact!.ErrorRatio("5m"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("availability", "http_requests_total", null, null, "needs errors: the label matcher that marks failed requests")]
    [InlineData("availability", "http_requests_total", "status=~5..", "0.05", "only applies to latency")]
    [InlineData("availability", "http-requests", "status=~5..", null, "not a Prometheus metric name")]
    [InlineData("latency", "request_duration_seconds", "status=~5..", null, "only applies to availability")]
    [InlineData("latency", "request_latency", null, null, "give le, the bucket boundary of 50ms")]
    [InlineData("latency", "request_duration_seconds", null, "fast", "is not a number")]
    public void Pieces_that_do_not_fit_the_slo_are_refused_with_the_fix(string kind, string metric, string? errors, string? le, string message)
    {
        var slo = kind == "availability" ? Availability : Latency;
        var errorMatcher = errors is null ? null : LabelMatcher.Parse(errors, out _);

        Assert.Null(PrometheusSli.Create(slo, metric, [], errorMatcher, le, out var problems));
        Assert.Contains(problems, p => p.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_le_selector_is_refused_because_the_threshold_picks_the_bucket()
    {
        Assert.Null(PrometheusSli.Create(Latency, "request_duration_seconds", [LatencySli.Exact("0.1")], null, null, out var problems));
        Assert.Contains("leave le out", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void An_slo_with_problems_yields_them_instead_of_an_sli()
    {
        Assert.Null(PrometheusSli.Create(new SloPlan("x", SloKind.Latency, 100), "m_seconds", [], null, null, out var problems));
        Assert.Equal(2, problems.Count);
    }
}
