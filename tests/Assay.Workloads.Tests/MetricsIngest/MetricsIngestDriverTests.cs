using Assay.Core.Plans;
using Assay.Testing;
using Assay.Workloads.MetricsIngest;

namespace Assay.Workloads.Tests.MetricsIngest;

/// <summary>The metrics-ingest driver against the real TSDBs of the catalog, scraping the real cardinality generator.</summary>
public sealed class MetricsIngestDriverTests
{
    [Theory(Timeout = 120_000)]
    [InlineData("prometheus", "medium")]
    [InlineData("victoria-metrics", "low")]
    public async Task The_TSDB_holds_the_level_set_and_reports_what_it_ingested(string tsdb, string level)
    {
        await using var servers = await CatalogServer.StartAsync(
        [
            // The generator starts low; the driver switches it to the plan's level before warm-up.
            ("gen", "cardinality-generator", new Dictionary<string, string> { ["level"] = "low" }, null),
            ("tsdb", tsdb, new Dictionary<string, string> { ["scrapeInterval"] = "1s" }, new Dictionary<string, string> { ["scrape"] = "gen" }),
        ], CancellationToken.None);
        var plan = MetricsIngestPlans.Plan(level, warmUpSeconds: 2, durationSeconds: 4);
        var expected = MetricsIngestWorkloadPlan.Levels[level];

        var measurement = await new MetricsIngestDriver().RunAsync(
            MetricsIngestPlans.Run(plan, servers.Endpoints("tsdb"), servers.Endpoints("gen")), null, CancellationToken.None);

        var series = measurement.ByOperation.Single(o => o.Name == MetricsIngestWorkloadPlan.SeriesOperation);
        // Up to 8 rounds fit in the window; a round takes longer on a busy machine, so only "several" is asserted.
        Assert.True(series.Total >= 2, $"{series.Total} verification rounds in 4 s at one round per 500 ms");
        Assert.True(series.Failed == 0, string.Join(", ", measurement.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")));
        Assert.Equal(expected, measurement.Stats["querySeries"]);
        Assert.Equal(expected, measurement.Stats["expectedSeries"]);
        // The TSDB's own count: the generator's series, plus its two own metrics and the scrape's bookkeeping series (up, scrape_…).
        Assert.InRange(measurement.Stats["headSeries"], expected, expected + 20);
        // One scrape a second of `expected` series, plus a few: a loaded machine may delay a scrape, never double one.
        Assert.InRange(measurement.Stats["ingestedSamplesPerSecond"], expected * 0.4, expected * 1.3);
        foreach (var query in MetricsIngestPlans.Queries)
        {
            var operation = measurement.ByOperation.Single(o => o.Name == query.Name);
            Assert.True(operation.Total >= 3);
            Assert.Equal(0, operation.Failed);
            Assert.Equal(operation.Total, operation.Latency.Count);
        }
        Assert.InRange(measurement.Window.TotalSeconds, 3.9, 5.5); // a last query in flight at the end may close it late on a loaded machine
    }

    [Fact(Timeout = 60_000)]
    public async Task A_TSDB_that_loses_series_fails_the_verification_as_a_wrong_answer()
    {
        // Answers its first query (the driver's wait for every series) with all 1000, then 990: fast, and wrong.
        // Keyed on the query count, not on the progress stage: progress is reported on a timer, after the window opens.
        var queries = 0;
        await using var tsdb = new Servers.TestHttpServer(request =>
        {
            var isQuery = request.Path.StartsWith("/api/v1/query", StringComparison.Ordinal);
            var answered = isQuery ? Interlocked.Increment(ref queries) : Volatile.Read(ref queries);
            return FakeTsdb.Answer(request, answered <= 1 ? 1000 : 990);
        });
        await using var source = new Servers.TestHttpServer(_ => new Servers.TestResponse(200, """{"level":"low","series":1000}"""));
        var plan = MetricsIngestPlans.Plan("low", warmUpSeconds: 0.5, durationSeconds: 2, queries: []);

        var measurement = await new MetricsIngestDriver().RunAsync(
            MetricsIngestPlans.Run(plan, [TargetEndpoint.For(tsdb.Url)], [TargetEndpoint.For(source.Url)]), null, CancellationToken.None);

        var series = Assert.Single(measurement.ByOperation);
        Assert.True(series.Total >= 2);
        Assert.Equal(series.Total, series.Failed);
        Assert.Equal(series.Failed, measurement.ErrorKinds["wrong series count"]);
        Assert.Equal(990, measurement.Stats["querySeries"]);
        Assert.Equal(0, measurement.Throughput);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_source_that_is_not_a_cardinality_generator_stops_the_run_naming_it()
    {
        await using var tsdb = new Servers.TestHttpServer(request => FakeTsdb.Answer(request, 1000));
        await using var source = new Servers.TestHttpServer(_ => new Servers.TestResponse(404, "no such path"));
        var plan = MetricsIngestPlans.Plan("low", warmUpSeconds: 0, durationSeconds: 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new MetricsIngestDriver().RunAsync(
            MetricsIngestPlans.Run(plan, [TargetEndpoint.For(tsdb.Url)], [TargetEndpoint.For(source.Url)]), null, CancellationToken.None));

        Assert.Contains(source.Url.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("status 404", error.Message, StringComparison.Ordinal);
    }
}
