using System.Diagnostics;
using System.Net;
using Assay.Apps.Tests.Checks;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

/// <summary>Seeded, so the sequence of delays, failures and item counts is the same on every run.</summary>
public sealed class MetricsAppFixture : AppFixture
{
    protected override string AppName => "metrics-app";

    protected override (string Name, string? Value)[] Environment => [("SEED", "20240601")];
}

// The tests of this class share one process and read its counters before and after: xUnit runs them one at a time.
public sealed class MetricsAppTests(MetricsAppFixture fixture) : IClassFixture<MetricsAppFixture>
{
    private static readonly string[] DurationBuckets = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"];

    private HttpClient Client => fixture.App.Client;

    [Fact(Timeout = 30_000)]
    public async Task Health_and_ready_answer_plain_text()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await CommonChecks.AnswersProbesAsync(Client, timeout.Token);
    }

    [Fact(Timeout = 30_000)]
    public async Task Root_waits_10_to_100_ms()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var started = Stopwatch.GetTimestamp();
        var body = await CommonChecks.GetJsonAsync(Client, "", HttpStatusCode.OK, timeout.Token);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var delayMs = body.GetProperty("delayMs").GetInt32();
        Assert.InRange(delayMs, 10, 100);
        Assert.True(elapsed.TotalMilliseconds >= delayMs, $"answered in {elapsed.TotalMilliseconds} ms although it says it waited {delayMs} ms");
    }

    [Fact(Timeout = 30_000)]
    public async Task Slow_waits_half_a_second_to_two_seconds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var started = Stopwatch.GetTimestamp();
        var body = await CommonChecks.GetJsonAsync(Client, "slow", HttpStatusCode.OK, timeout.Token);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var delayMs = body.GetProperty("delayMs").GetInt32();
        Assert.InRange(delayMs, 500, 2000);
        Assert.True(elapsed.TotalMilliseconds >= delayMs, $"answered in {elapsed.TotalMilliseconds} ms although it says it waited {delayMs} ms");
    }

    [Fact(Timeout = 60_000)]
    public async Task Error_fails_about_30_percent_of_calls_and_counts_each_status()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        const int Calls = 60;
        var before = await ScrapeAsync(timeout.Token);

        var failures = 0;
        for (var i = 0; i < Calls; i++)
        {
            using var response = await Client.GetAsync(new Uri("error", UriKind.Relative), timeout.Token);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.InternalServerError, $"/error answered {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.InternalServerError)
            {
                failures++;
                var error = await CommonChecks.ReadJsonAsync(response, HttpStatusCode.InternalServerError, timeout.Token);
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
            }
        }

        // Binomial(60, 0.3) is within 6..30 with probability above 99.9%; the seed makes this run's count fixed anyway.
        Assert.InRange(failures, 6, 30);
        var after = await ScrapeAsync(timeout.Token);
        Assert.Equal(failures, Increase(before, after, "http_requests_total", ("method", "GET"), ("path", "/error"), ("status", "500")));
        Assert.Equal(Calls - failures, Increase(before, after, "http_requests_total", ("method", "GET"), ("path", "/error"), ("status", "200")));
    }

    [Fact(Timeout = 30_000)]
    public async Task Process_adds_1_to_10_items_to_items_processed_total()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var before = await ScrapeAsync(timeout.Token);

        var added = 0;
        for (var i = 0; i < 10; i++)
        {
            var body = await CommonChecks.GetJsonAsync(Client, "process", HttpStatusCode.OK, timeout.Token);
            var items = body.GetProperty("items").GetInt32();
            Assert.InRange(items, 1, 10);
            added += items;
        }

        var after = await ScrapeAsync(timeout.Token);
        Assert.Equal(added, Increase(before, after, "items_processed_total"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Metrics_expose_requests_in_flight_duration_and_size_by_route_template()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await CommonChecks.GetJsonAsync(Client, "", HttpStatusCode.OK, timeout.Token);
        using (var missing = await Client.GetAsync(new Uri("no/such/path?x=1", UriKind.Relative), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        var samples = await ScrapeAsync(timeout.Token);

        Assert.True(samples.ValueOf("http_requests_total", ("method", "GET"), ("path", "/"), ("status", "200")) >= 1);
        // An unknown URL is counted under one bounded label, never under its raw path.
        Assert.True(samples.ValueOf("http_requests_total", ("method", "GET"), ("path", "unmatched"), ("status", "404")) >= 1);
        Assert.DoesNotContain(samples, sample => sample.Labels.TryGetValue("path", out var path) && path.Contains("no/such", StringComparison.Ordinal));
        Assert.All(samples.Find("http_requests_total"), sample => Assert.Equal(["method", "path", "status"], sample.Labels.Keys.Order()));

        // The scrape itself is in flight while the gauge is read.
        Assert.True(samples.ValueOf("active_connections") >= 1);

        var buckets = samples.Find("request_duration_seconds_bucket", ("method", "GET"), ("path", "/"));
        Assert.Equal(DurationBuckets, buckets.Select(bucket => bucket.Labels["le"]));
        Assert.True(samples.ValueOf("request_duration_seconds_count", ("method", "GET"), ("path", "/")) >= 1);
        Assert.True(samples.ValueOf("request_duration_seconds_sum", ("method", "GET"), ("path", "/")) >= 0.010);

        var quantiles = samples.Find("response_size_bytes", ("method", "GET"), ("path", "/"));
        Assert.Equal(["0.5", "0.9", "0.99"], quantiles.Select(quantile => quantile.Labels["quantile"]));
        Assert.All(quantiles, quantile => Assert.True(quantile.Value > 0, "a greeting body has bytes"));
        Assert.True(samples.ValueOf("response_size_bytes_count", ("method", "GET"), ("path", "/")) >= 1);
    }

    private async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static int Increase(
        IReadOnlyList<PrometheusSample> before, IReadOnlyList<PrometheusSample> after, string name, params (string Label, string Value)[] labels) =>
        (int)(after.ValueOf(name, labels) - before.ValueOf(name, labels));
}
