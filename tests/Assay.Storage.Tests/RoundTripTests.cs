using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Testing;

namespace Assay.Storage.Tests;

public sealed class RoundTripTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_completed_run_reads_back_with_an_identical_result_document()
    {
        await using var folder = new StoreFolder();
        var builder = new RunResultBuilder();
        var result = await folder.AddRunAsync(await folder.OpenAsync(), builder);
        var original = builder.Build();

        // The builder must produce what a real run holds, or the round trip proves little.
        var trial = original.Variants[1].TrialResults[^1];
        Assert.Equal(2, original.Variants.Count);
        Assert.All(original.Variants, v => Assert.Equal(3, v.TrialResults.Count));
        Assert.Contains(original.Variants[0].Thresholds, t => t.Expression.Contains("{request:echo}", StringComparison.Ordinal));
        Assert.NotEmpty(trial.Series.Workload);
        Assert.NotEmpty(trial.Series.Components);
        Assert.Equal(["home", "health", "echo"], trial.Histograms.Keys);

        // A second store on the file reads it, so nothing can come from the first one's memory.
        var stored = await (await folder.OpenAsync()).FindRunAsync(result.RunId, folder.Token);

        Assert.NotNull(stored);
        Assert.NotNull(stored.Result);
        Assert.Equal(ResultJson.Serialize(original), ResultJson.Serialize(stored.Result));
        Assert.Equal(RunStatus.Passed, stored.Listing.Status);
        Assert.Equal(original.StartedAt, stored.Listing.StartedAt);
        Assert.Equal(original.EndedAt, stored.Listing.EndedAt);
        Assert.Equal(builder.BuildRecord().ExperimentText, stored.ExperimentText);
        Assert.Equal(builder.BuildRecord().Directory, stored.Directory);
        Assert.Equal(builder.BuildRecord().ExperimentFile, stored.ExperimentFile);
    }

    [Fact(Timeout = 30_000)]
    public async Task Stored_histograms_decode_to_the_percentiles_of_the_summary()
    {
        await using var folder = new StoreFolder();
        var result = await folder.AddRunAsync(await folder.OpenAsync(), new RunResultBuilder());

        var stored = (await (await folder.OpenAsync()).FindRunAsync(result.RunId, folder.Token))!.Result!;

        foreach (var trial in stored.Variants.SelectMany(v => v.TrialResults))
        {
            foreach (var request in trial.Workload!.ByRequest)
            {
                var histogram = LatencyHistogram.Decode(trial.Histograms[request.Name]);
                Assert.Equal(request.Requests, histogram.Count);
                Assert.Equal(request.LatencyMs.P99, histogram.PercentileMs(99));
                Assert.Equal(request.LatencyMs.Max, histogram.MaxMs);
            }
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Listings_carry_each_variants_headline_in_result_order()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var result = await folder.AddRunAsync(store, new RunResultBuilder { Variants = ["nginx", "caddy", "haproxy"] });

        var listing = Assert.Single(await store.ListRunsAsync(null, 10, folder.Token));

        Assert.Equal(
            result.Variants.Select(v => (v.Name, v.Workload.Throughput, v.Workload.LatencyMs.P99, v.Status)),
            listing.Variants.Select(v => (v.Name, v.Throughput, v.P99Ms, v.Status)));
        Assert.True(listing.Variants[2].P99Ms > listing.Variants[0].P99Ms, "the builder makes later variants slower");
    }

    [Fact(Timeout = 30_000)]
    public async Task Timestamps_are_kept_as_the_same_instants_in_utc()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var startedAt = new DateTimeOffset(2026, 11, 27, 5, 26, 13, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        var builder = new RunResultBuilder { StartedAt = startedAt, Trials = 1, MeasuredSeconds = 2 };
        await folder.AddRunAsync(store, builder, complete: false);

        var listing = Assert.Single(await store.ListRunsAsync(null, 10, folder.Token));

        Assert.Equal(startedAt, listing.StartedAt);
        Assert.Equal(TimeSpan.Zero, listing.StartedAt.Offset);
        Assert.Equal(RunStatus.Running, listing.Status);
        Assert.Null(listing.EndedAt);
        Assert.Empty(listing.Variants);
    }

    [Fact(Timeout = 30_000)]
    public async Task Beginning_a_run_twice_is_refused_with_the_id()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var builder = new RunResultBuilder { Trials = 1, MeasuredSeconds = 2 };
        await store.BeginRunAsync(builder.BuildRecord(), folder.Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.BeginRunAsync(builder.BuildRecord(), folder.Token));

        Assert.Contains(builder.RunId, error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Completing_a_run_that_was_never_begun_names_the_run()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var result = new RunResultBuilder { Trials = 1, MeasuredSeconds = 2 }.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CompleteRunAsync(result, folder.Token));

        Assert.Contains(result.RunId, error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListRunsAsync(null, 10, folder.Token));
    }
}
