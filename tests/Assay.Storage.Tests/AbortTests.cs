using Assay.Core.Results;
using Assay.Testing;

namespace Assay.Storage.Tests;

public sealed class AbortTests
{
    private static readonly RunResultBuilder Run = new() { Trials = 1, MeasuredSeconds = 2 };

    [Fact(Timeout = 30_000)]
    public async Task A_running_run_is_marked_aborted_with_the_reason_and_time()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        await folder.AddRunAsync(store, Run, complete: false);
        var at = Run.StartedAt.AddMinutes(7);

        await store.MarkAbortedAsync(Run.RunId, "the lab (pid 4242) is gone", at, folder.Token);

        var listing = (await store.FindRunAsync(Run.RunId, folder.Token))!.Listing;
        Assert.Equal(RunStatus.Aborted, listing.Status);
        Assert.Equal("the lab (pid 4242) is gone", listing.Message);
        Assert.Equal(at, listing.EndedAt);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_run_that_completed_meanwhile_keeps_its_result()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var result = await folder.AddRunAsync(store, Run);

        await store.MarkAbortedAsync(Run.RunId, "looked dead", Run.StartedAt.AddHours(1), folder.Token);

        var stored = await store.FindRunAsync(Run.RunId, folder.Token);
        Assert.Equal(RunStatus.Passed, stored!.Listing.Status);
        Assert.Equal(result.EndedAt, stored.Listing.EndedAt);
        Assert.Null(stored.Listing.Message);
        Assert.NotNull(stored.Result);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_result_that_arrives_after_a_wrong_abort_wins()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var result = await folder.AddRunAsync(store, Run, complete: false);
        await store.MarkAbortedAsync(Run.RunId, "looked dead", Run.StartedAt.AddHours(1), folder.Token);

        await store.CompleteRunAsync(result, folder.Token);

        Assert.Equal(RunStatus.Passed, (await store.FindRunAsync(Run.RunId, folder.Token))!.Listing.Status);
    }

    [Fact(Timeout = 30_000)]
    public async Task Aborting_an_unknown_run_names_it()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.MarkAbortedAsync("missing-run", "gone", Run.StartedAt, folder.Token));

        Assert.Contains("missing-run", error.Message, StringComparison.Ordinal);
    }
}
