using Assay.Core.Results;
using Assay.Engine.Storage;
using Assay.Testing;

namespace Assay.Storage.Tests;

/// <summary>
/// Two stores on one file, as a running lab and a second invocation would have: every write must wait
/// for the other's lock rather than fail with SQLITE_BUSY. One store pools its connections and the other
/// does not, so the two never share a connection.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int PhasesPerWriter = 150;

    [Fact(Timeout = 60_000)]
    public async Task Two_stores_write_the_same_file_at_once_without_busy_errors()
    {
        await using var folder = new StoreFolder();
        var lab = await folder.OpenAsync();
        var reaper = await folder.OpenAsync(StoreSettings.Default with { Pooling = false });
        var running = new RunResultBuilder { RunId = "run-in-progress", Trials = 2, MeasuredSeconds = 5 };
        var killed = new RunResultBuilder { RunId = "run-killed", Trials = 1, MeasuredSeconds = 2 };
        var result = await folder.AddRunAsync(lab, running, complete: false);
        await folder.AddRunAsync(reaper, killed, complete: false);

        var labWrites = Task.Run(async () =>
        {
            for (var i = 0; i < PhasesPerWriter; i++)
            {
                await lab.RecordPhaseAsync(running.RunId, i, "nginx", RunPhase.Running, running.StartedAt.AddSeconds(i), folder.Token);
                if (i % 25 == 0)
                    await lab.RecordTrialSeriesAsync(running.RunId, i, "nginx", result.Variants[0].TrialResults[0].Series, folder.Token);
            }
            await lab.CompleteRunAsync(result, folder.Token);
        });
        var reaperWrites = Task.Run(async () =>
        {
            for (var i = 0; i < PhasesPerWriter; i++)
            {
                await reaper.RecordPhaseAsync(killed.RunId, null, null, RunPhase.Provisioning, killed.StartedAt, folder.Token);
                if (i % 10 == 0) await reaper.ListRunsAsync(null, 10, folder.Token);
            }
            await reaper.MarkAbortedAsync(killed.RunId, "the lab that ran it is gone", killed.StartedAt.AddHours(1), folder.Token);
        });
        await Task.WhenAll(labWrites, reaperWrites);

        var labRun = await reaper.FindRunAsync(running.RunId, folder.Token);
        var killedRun = await lab.FindRunAsync(killed.RunId, folder.Token);
        Assert.Equal(RunStatus.Passed, labRun!.Listing.Status);
        Assert.Equal(Enumerable.Range(0, PhasesPerWriter).Cast<int?>(), labRun.Phases.Select(p => p.Trial));
        Assert.Equal(RunStatus.Aborted, killedRun!.Listing.Status);
        Assert.Equal(PhasesPerWriter, killedRun.Phases.Count);
        Assert.NotEmpty((await reaper.GetTrialSeriesAsync(running.RunId, 125, "nginx", folder.Token)).Workload);
    }

    [Fact(Timeout = 60_000)]
    public async Task Phases_written_by_several_stores_at_once_get_distinct_sequence_numbers()
    {
        await using var folder = new StoreFolder();
        var run = new RunResultBuilder { Trials = 1, MeasuredSeconds = 2 };
        var first = await folder.OpenAsync();
        await first.BeginRunAsync(run.BuildRecord(), folder.Token);
        IRunStore[] stores = [first, await folder.OpenAsync(StoreSettings.Default with { Pooling = false }), await folder.OpenAsync(StoreSettings.Default with { Pooling = false })];

        await Task.WhenAll(stores.Select((store, writer) => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
                await store.RecordPhaseAsync(run.RunId, i, $"writer-{writer}", RunPhase.Ready, run.StartedAt, folder.Token);
        })));

        var phases = (await first.FindRunAsync(run.RunId, folder.Token))!.Phases;
        Assert.Equal(180, phases.Count);
        Assert.Equal(180, await RawDatabase.CountAsync(folder.DatabasePath, "SELECT count(DISTINCT seq) FROM phases", folder.Token));
        // Each writer's own phases keep their order among the others'.
        foreach (var writer in phases.GroupBy(p => p.Variant))
            Assert.Equal(Enumerable.Range(0, 60).Cast<int?>(), writer.Select(p => p.Trial));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_write_waits_for_a_lock_another_process_holds_instead_of_failing()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var run = new RunResultBuilder { Trials = 1, MeasuredSeconds = 2 };
        await store.BeginRunAsync(run.BuildRecord(), folder.Token);
        await using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.DatabasePath};Pooling=False");
        await other.OpenAsync(folder.Token);
        var held = TimeSpan.FromMilliseconds(600);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await using (var transaction = other.BeginTransaction(deferred: false))
        {
            var write = store.RecordPhaseAsync(run.RunId, null, null, RunPhase.Pending, run.StartedAt, folder.Token);
            await Task.Delay(held, folder.Token);
            Assert.False(write.IsCompleted, "the write cannot finish while the other connection holds the write lock");
            await transaction.CommitAsync(folder.Token);
            await write;
        }

        Assert.True(stopwatch.Elapsed >= held);
        Assert.Single((await store.FindRunAsync(run.RunId, folder.Token))!.Phases);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_lock_held_beyond_the_busy_timeout_fails_with_a_timeout_naming_the_file()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync(StoreSettings.Default with { BusyTimeout = TimeSpan.FromMilliseconds(300) });
        var run = new RunResultBuilder { Trials = 1, MeasuredSeconds = 2 };
        await store.BeginRunAsync(run.BuildRecord(), folder.Token);
        await using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.DatabasePath};Pooling=False");
        await other.OpenAsync(folder.Token);
        await using var transaction = other.BeginTransaction(deferred: false);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            store.RecordPhaseAsync(run.RunId, null, null, RunPhase.Pending, run.StartedAt, folder.Token));

        Assert.Contains(folder.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
    }
}
