using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Testing;

namespace Assay.Storage.Tests;

public sealed class SeriesTests
{
    private static readonly RunResultBuilder Run = new() { Trials = 2, MeasuredSeconds = 5 };

    /// <summary>The series as the store returns it: instances sorted by component, then replica.</summary>
    private static string Canonical(TrialSeries series) => System.Text.Json.JsonSerializer.Serialize(
        series with { Components = [.. series.Components.OrderBy(c => c.Component, StringComparer.Ordinal).ThenBy(c => c.Replica)] },
        ResultJson.Compact);

    [Fact(Timeout = 30_000)]
    public async Task A_recorded_trial_series_reads_back_unchanged()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var result = await folder.AddRunAsync(store, Run, complete: false);
        var series = result.Variants[1].TrialResults[1].Series;
        Assert.True(series.Components.Sum(c => c.Samples.Count) > 40, "the builder samples three instances every half second");

        await store.RecordTrialSeriesAsync(Run.RunId, 2, "caddy", series, folder.Token);

        var stored = await (await folder.OpenAsync()).GetTrialSeriesAsync(Run.RunId, 2, "caddy", folder.Token);
        Assert.Equal(Canonical(series), Canonical(stored));
        Assert.Equal(series.Workload, stored.Workload);
    }

    [Fact(Timeout = 30_000)]
    public async Task Recording_a_trial_again_replaces_its_series()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var result = await folder.AddRunAsync(store, Run, complete: false);
        var first = result.Variants[0].TrialResults[0].Series;
        var second = new TrialSeries([new SecondCount(0, 7, 1)], [new InstanceSeries("nginx", 0, [new UsageSample(0, 0.5, 1024), new UsageSample(0, 0.6, 2048)])]);

        await store.RecordTrialSeriesAsync(Run.RunId, 1, "nginx", first, folder.Token);
        await store.RecordTrialSeriesAsync(Run.RunId, 1, "nginx", second, folder.Token);

        var stored = await store.GetTrialSeriesAsync(Run.RunId, 1, "nginx", folder.Token);
        Assert.Equal(second.Workload, stored.Workload);
        var instance = Assert.Single(stored.Components);
        Assert.Equal(second.Components[0].Samples, instance.Samples);
    }

    [Fact(Timeout = 30_000)]
    public async Task Completing_a_run_fills_the_series_of_trials_that_were_not_recorded_and_keeps_those_that_were()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var result = await folder.AddRunAsync(store, Run, complete: false);
        var recorded = new TrialSeries([new SecondCount(0, 3, 0)], []);
        await store.RecordTrialSeriesAsync(Run.RunId, 1, "nginx", recorded, folder.Token);

        await store.CompleteRunAsync(result, folder.Token);

        Assert.Equal(recorded.Workload, (await store.GetTrialSeriesAsync(Run.RunId, 1, "nginx", folder.Token)).Workload);
        foreach (var (variant, trial) in new[] { ("nginx", 2), ("caddy", 1), ("caddy", 2) })
        {
            var expected = result.Variants.Single(v => v.Name == variant).TrialResults.Single(t => t.Trial == trial).Series;
            var stored = await store.GetTrialSeriesAsync(Run.RunId, trial, variant, folder.Token);
            Assert.Equal(Canonical(expected), Canonical(stored));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_trial_with_nothing_stored_has_an_empty_series()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        await folder.AddRunAsync(store, Run, complete: false);

        var stored = await store.GetTrialSeriesAsync(Run.RunId, 9, "nginx", folder.Token);

        Assert.Empty(stored.Workload);
        Assert.Empty(stored.Components);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_series_of_an_unknown_run_is_refused_and_nothing_is_kept()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var series = Run.Build().Variants[0].TrialResults[0].Series;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.RecordTrialSeriesAsync("ghost", 1, "nginx", series, folder.Token));

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.Empty((await store.GetTrialSeriesAsync("ghost", 1, "nginx", folder.Token)).Workload);
    }
}
