using System.Net;
using Assay.Apps.Tests.Checks;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

/// <summary>Starts at the medium level, from the environment, with a fixed seed.</summary>
public sealed class CardinalityGeneratorFixture : AppFixture
{
    protected override string AppName => "cardinality-generator";

    protected override (string Name, string? Value)[] Environment => [("CARDINALITY_LEVEL", "medium"), ("SEED", "9")];
}

// The tests of this class share one process and change its level: xUnit runs them one at a time, each sets what it needs.
public sealed class CardinalityGeneratorTests(CardinalityGeneratorFixture fixture) : IClassFixture<CardinalityGeneratorFixture>
{
    private static readonly Dictionary<string, int> Levels = new() { ["low"] = 1_000, ["medium"] = 10_000, ["high"] = 50_000 };

    private HttpClient Client => fixture.App.Client;

    [Fact(Timeout = 30_000)]
    public async Task Health_and_ready_answer_plain_text()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await CommonChecks.AnswersProbesAsync(Client, timeout.Token);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("high")]
    [InlineData("low")]
    [InlineData("medium")]
    public async Task Each_level_exposes_exactly_its_series_each_a_distinct_deck_section_and_sensor_type(string level)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        using (var set = await Client.PostAsync(new Uri($"cardinality?level={level}", UriKind.Relative), null, timeout.Token))
        {
            var body = await CommonChecks.ReadJsonAsync(set, HttpStatusCode.OK, timeout.Token);
            Assert.Equal((level, Levels[level]), (body.GetProperty("level").GetString(), body.GetProperty("series").GetInt32()));
        }

        var samples = await ScrapeAsync(timeout.Token);

        var readings = samples.Find("sensor_reading");
        Assert.Equal(Levels[level], readings.Count);
        Assert.All(readings, r => Assert.Equal(["deck", "section", "sensor_type"], r.Labels.Keys.Order()));
        Assert.Equal(readings.Count, readings.Select(r => $"{r.Labels["deck"]}/{r.Labels["section"]}/{r.Labels["sensor_type"]}").Distinct().Count());
        Assert.Equal(10, readings.Select(r => r.Labels["deck"]).Distinct().Count());
        Assert.Equal(10, readings.Select(r => r.Labels["sensor_type"]).Distinct().Count());
        Assert.Equal(Levels[level] / 100, readings.Select(r => r.Labels["section"]).Distinct().Count());
        Assert.All(readings, r => Assert.True(double.IsFinite(r.Value)));
        Assert.Equal(Levels[level], samples.ValueOf("cardinality_series"));
        var current = await CommonChecks.GetJsonAsync(Client, "cardinality", HttpStatusCode.OK, timeout.Token);
        Assert.Equal(level, current.GetProperty("level").GetString());
        Assert.Equal(50_000, current.GetProperty("levels").GetProperty("high").GetInt32());
    }

    [Fact(Timeout = 30_000)]
    public async Task Values_move_between_scrapes_and_lowering_the_level_drops_the_extra_series()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        (await Client.PostAsync(new Uri("cardinality?level=medium", UriKind.Relative), null, timeout.Token)).Dispose();
        var first = await ScrapeAsync(timeout.Token);
        var second = await ScrapeAsync(timeout.Token);
        Assert.True(second.ValueOf("cardinality_scrapes_total") > first.ValueOf("cardinality_scrapes_total"));
        Assert.NotEqual(first.Find("sensor_reading").Select(s => s.Value), second.Find("sensor_reading").Select(s => s.Value));

        (await Client.PostAsync(new Uri("cardinality?level=low", UriKind.Relative), null, timeout.Token)).Dispose();
        var lowered = await ScrapeAsync(timeout.Token);
        var kept = lowered.Find("sensor_reading").Select(Key).ToHashSet();
        // The low level's series are the first of the medium level's: a TSDB sees 9,000 series end, none change labels.
        Assert.Subset(first.Find("sensor_reading").Select(Key).ToHashSet(), kept);
        Assert.Equal(1_000, kept.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_level_is_refused_with_the_levels_there_are()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await Client.PostAsync(new Uri("cardinality?level=extreme", UriKind.Relative), null, timeout.Token);
        var error = await CommonChecks.ReadJsonAsync(response, HttpStatusCode.BadRequest, timeout.Token);
        Assert.Contains("low, medium, high", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static string Key(PrometheusSample sample) => string.Join('/', sample.Labels.OrderBy(l => l.Key).Select(l => l.Value));

    private async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
