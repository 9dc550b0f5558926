using Assay.Core.Results;
using Assay.Engine.Storage;
using Assay.Testing;

namespace Assay.Storage.Tests;

public sealed class ListRunsTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs begun out of time order, of two experiments, some completed.</summary>
    private static async Task<SqliteRunStore> StoreWithHistoryAsync(StoreFolder folder)
    {
        var store = await folder.OpenAsync();
        (string Id, string Experiment, int Hour, bool Complete)[] runs =
        [
            ("r-http-2", "http-baseline", 2, true),
            ("r-redis-1", "redis-cache", 1, true),
            ("r-http-4", "http-baseline", 4, false),
            ("r-http-1", "http-baseline", 1, true),
            ("r-redis-3", "redis-cache", 3, false),
        ];
        foreach (var (id, experiment, hour, complete) in runs)
        {
            var builder = new RunResultBuilder { RunId = id, Experiment = experiment, StartedAt = Day.AddHours(hour), Trials = 1, MeasuredSeconds = 2 };
            await folder.AddRunAsync(store, builder, complete);
        }
        return store;
    }

    [Fact(Timeout = 30_000)]
    public async Task Runs_are_listed_newest_first_with_ties_broken_by_id()
    {
        await using var folder = new StoreFolder();
        var store = await StoreWithHistoryAsync(folder);

        var listed = await store.ListRunsAsync(null, 10, folder.Token);

        Assert.Equal(["r-http-4", "r-redis-3", "r-http-2", "r-redis-1", "r-http-1"], listed.Select(r => r.RunId));
        Assert.Equal([RunStatus.Running, RunStatus.Running, RunStatus.Passed, RunStatus.Passed, RunStatus.Passed], listed.Select(r => r.Status));
        Assert.All(listed.Where(r => r.Status == RunStatus.Running), r => Assert.Empty(r.Variants));
        Assert.All(listed.Where(r => r.Status == RunStatus.Passed), r => Assert.Equal(["nginx", "caddy"], r.Variants.Select(v => v.Name)));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_experiment_filter_and_the_limit_apply_before_the_newest_first_cut()
    {
        await using var folder = new StoreFolder();
        var store = await StoreWithHistoryAsync(folder);

        Assert.Equal(["r-http-4", "r-http-2", "r-http-1"], (await store.ListRunsAsync("http-baseline", 10, folder.Token)).Select(r => r.RunId));
        Assert.Equal(["r-http-4", "r-http-2"], (await store.ListRunsAsync("http-baseline", 2, folder.Token)).Select(r => r.RunId));
        Assert.Equal(["r-http-4"], (await store.ListRunsAsync(null, 1, folder.Token)).Select(r => r.RunId));
        Assert.Empty(await store.ListRunsAsync("unknown", 10, folder.Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_status_filter_finds_the_runs_a_reaper_looks_at()
    {
        await using var folder = new StoreFolder();
        var store = await StoreWithHistoryAsync(folder);

        var running = await store.ListRunsAsync(new RunQuery(null, RunStatus.Running, 10), folder.Token);
        var redisPassed = await store.ListRunsAsync(new RunQuery("redis-cache", RunStatus.Passed, 10), folder.Token);

        Assert.Equal(["r-http-4", "r-redis-3"], running.Select(r => r.RunId));
        Assert.Equal(["r-redis-1"], redisPassed.Select(r => r.RunId));
    }

    [Fact(Timeout = 30_000)]
    public async Task Results_of_an_experiment_are_its_completed_runs_newest_first()
    {
        await using var folder = new StoreFolder();
        var store = await StoreWithHistoryAsync(folder);

        var results = await store.ListResultsAsync("http-baseline", 10, folder.Token);

        Assert.Equal(["r-http-2", "r-http-1"], results.Select(r => r.RunId));
        Assert.Equal(["r-http-2"], (await store.ListResultsAsync("http-baseline", 1, folder.Token)).Select(r => r.RunId));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_limit_below_one_is_refused()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListRunsAsync(null, 0, folder.Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListResultsAsync("x", -1, folder.Token));
    }
}
