using Assay.Core.Results;
using Assay.Engine.Storage;
using Assay.Testing;

namespace Assay.Storage.Tests;

public sealed class PhaseTests
{
    [Fact(Timeout = 30_000)]
    public async Task Phases_read_back_in_the_order_they_were_recorded_even_when_the_clock_disagrees()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        var builder = new RunResultBuilder { Trials = 1, MeasuredSeconds = 2 };
        await folder.AddRunAsync(store, builder, complete: false);
        var t0 = builder.StartedAt;
        PhaseRecord[] phases =
        [
            new(null, null, RunPhase.Pending, t0),
            new(null, null, RunPhase.Provisioning, t0),
            new(1, "nginx", RunPhase.Ready, t0.AddSeconds(1.5)),
            new(1, "nginx", RunPhase.Running, t0.AddSeconds(1.5)),
            // A clock step backwards must not reorder what happened.
            new(1, "nginx", RunPhase.Collecting, t0.AddSeconds(1.2)),
            new(1, "caddy", RunPhase.Ready, t0.AddSeconds(20)),
            new(1, "caddy", RunPhase.Failed, t0.AddSeconds(21)),
            new(null, null, RunPhase.Analyzing, t0.AddSeconds(22)),
            new(null, null, RunPhase.Complete, t0.AddSeconds(22)),
        ];
        var other = new RunResultBuilder { RunId = "20261127-050000-other-0001", Trials = 1, MeasuredSeconds = 2 };
        await folder.AddRunAsync(store, other, complete: false);

        foreach (var phase in phases)
        {
            await store.RecordPhaseAsync(builder.RunId, phase.Trial, phase.Variant, phase.Phase, phase.At, folder.Token);
            await store.RecordPhaseAsync(other.RunId, null, null, RunPhase.Running, t0, folder.Token);
        }

        var stored = await store.FindRunAsync(builder.RunId, folder.Token);
        Assert.Equal(phases, stored!.Phases);
        Assert.Equal(phases.Length, (await store.FindRunAsync(other.RunId, folder.Token))!.Phases.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_phase_of_an_unknown_run_is_refused_with_the_id()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.RecordPhaseAsync("no-such-run", null, null, RunPhase.Pending, DateTimeOffset.UnixEpoch, folder.Token));

        Assert.Contains("no-such-run", error.Message, StringComparison.Ordinal);
        Assert.Contains("BeginRunAsync", error.Message, StringComparison.Ordinal);
    }
}
