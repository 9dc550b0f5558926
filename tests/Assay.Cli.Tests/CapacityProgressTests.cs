using Assay.Cli.Rendering;
using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Engine.Events;
using Spectre.Console.Testing;

namespace Assay.Cli.Tests;

public sealed class CapacityProgressTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_capacity_search_shows_one_line_per_step_with_rate_sli_against_the_objective_and_verdict()
    {
        var console = new TestConsole().Width(200);
        console.Profile.Capabilities.Ansi = false;
        var renderer = new ProgressRenderer(console, TimeProvider.System);

        foreach (var (step, result) in new[]
        {
            (1, new CapacityStep(25, true, 100, null) { LatencyP99Ms = 6.25 }),
            (2, new CapacityStep(50, false, 97.5, null) { LatencyP99Ms = 250 }),
            (3, new CapacityStep(37.5, false, null, "nothing was measured: web-0 exited with code 1")),
        })
        {
            renderer.Report(new CapacityStepStarted(At, "demo", "latency", step, result.Rate));
            // A step's own progress stays out of the search's lines.
            renderer.Report(new PhaseChanged(At, RunPhase.Provisioning, 1000 + step, "demo"));
            renderer.Report(new InstanceReady(At, "web", 0, new Dictionary<string, int> { ["http"] = 5000 }, TimeSpan.FromSeconds(0.3)));
            renderer.Report(new WorkloadTick(At, 1000 + step, "demo", new WorkloadProgress(WorkloadStage.Measuring, 1, 0, 0, 25, 0)));
            renderer.Report(new CapacityStepEnded(At, "demo", step, result, 99));
        }
        renderer.Report(new PhaseChanged(At, RunPhase.Analyzing, null, null));

        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..])
            .ToList();
        Assert.Equal(
        [
            "capacity · demo (SLO latency)",
            "  step 1 · 25.0/s · SLI 100% vs 99% · p99 6.25ms · passed",
            "  step 2 · 50.0/s · SLI 97.5% vs 99% · p99 250.0ms · failed",
            "  step 3 · 37.5/s · SLI n/a vs 99% · failed: nothing was measured: web-0 exited with code 1",
            "analysing",
        ], lines);
    }
}
