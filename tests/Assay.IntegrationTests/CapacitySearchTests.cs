using System.Collections.Concurrent;
using Assay.Core.Capacity;
using Assay.Core.Cost;
using Assay.Core.Plans;
using Assay.Core.Results;
using Assay.Core.Slo;
using Assay.Engine.Capacity;
using Assay.Engine.Events;
using Assay.Engine.Running;
using Assay.Engine.Storage;
using Assay.Runtimes.Local;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Ledger;
using Assay.Runtimes.Local.Load;
using Assay.Specs.Catalogs;
using Assay.Storage;
using Assay.Testing;
using Xunit.Abstractions;

namespace Assay.IntegrationTests;

/// <summary>
/// A capacity search against the real demo-app (pinned to one CPU, the load generator on the other) with the
/// real local runtime and load generator: every step deploys fresh, measures two seconds and tears down.
/// </summary>
public sealed class CapacitySearchTests(ITestOutputHelper output) : IDisposable
{
    // Coarse on purpose: each step is a fresh deployment of a few seconds, and the test should stay near half a minute.
    private const double Precision = 0.5;

    private readonly LabFolder _lab = new();

    [Fact(Timeout = 120_000)]
    public async Task Finds_the_highest_rate_that_meets_a_latency_slo_within_the_precision_of_the_lowest_that_missed_it()
    {
        var plan = Plan();
        var started = DateTime.UtcNow;
        var (result, events, processes, directory, runId) = await SearchAsync(plan, (_, _) => { });
        var elapsed = DateTime.UtcNow - started;

        foreach (var step in result.Steps)
            output.WriteLine($"{step.Rate,8:0.##}/s  passed {step.Passed,-5}  SLI {step.Sli:0.###}%  {step.Throughput:0.#}/s  p99 {step.LatencyP99Ms:0.##} ms  {step.Note}");
        output.WriteLine($"capacity {result.Rate:0.##}/s, lowest fail {result.FailedRate:0.##}/s, {result.CostPerMillion:0.######} $/1M, {result.Steps.Count} steps in {elapsed.TotalSeconds:0.#} s; {result.Note}");

        var capacity = plan.Capacity!;
        Assert.NotEmpty(result.Steps);
        Assert.Equal("latency", result.Slo);
        Assert.True(result.Rate > 0, $"even {capacity.Start}/s missed the SLO: {result.Note}");
        // The rate found is a rate that passed; every rate tried above it failed, the lowest of them within the precision.
        Assert.Contains(result.Steps, s => s.Rate == result.Rate && s.Passed);
        Assert.All(result.Steps.Where(s => s.Rate > result.Rate), s => Assert.False(s.Passed));
        if (result.FailedRate is { } failed)
        {
            Assert.Equal(result.Steps.Where(s => s.Rate > result.Rate).Min(s => s.Rate), failed);
            Assert.True(failed - result.Rate <= Precision * result.Rate, $"bracket {result.Rate}–{failed} is wider than {Precision:P0}");
            Assert.Null(result.Note);
        }
        else
        {
            Assert.Equal(capacity.Max, result.Rate);
            Assert.Contains("at least max", result.Note, StringComparison.Ordinal);
        }
        Assert.InRange(result.Steps.Count, 2, CapacitySearch.For(capacity).StepLimit);
        Assert.All(result.Steps.Where(s => s.Passed), s => Assert.True(s.Valid && s.Sli >= 99 && s.Throughput > 0));
        Assert.True(result.CostPerMillion > 0, "the step at the rate found was not priced");

        // One event per step, each step in a folder of its own beside (not inside) the trials' folders.
        var ended = events.OfType<CapacityStepEnded>().ToList();
        Assert.Equal(result.Steps, ended.Select(e => e.Result));
        Assert.Equal(Enumerable.Range(1, result.Steps.Count), ended.Select(e => e.Step));
        Assert.All(ended, e => Assert.True(Directory.Exists(Path.Combine(directory, $"capacity-step-{e.Step}", "demo")), $"no folder for step {e.Step}"));
        Assert.False(Directory.Exists(Path.Combine(directory, "trial-1")));
        Assert.True(processes.Count >= 2 * result.Steps.Count, $"{processes.Count} processes seen for {result.Steps.Count} steps");
        _lab.AssertNothingLeft(runId, processes);
    }

    [Fact(Timeout = 120_000)]
    public async Task Cancelling_stops_the_search_and_returns_what_was_found_so_far()
    {
        var (result, events, processes, _, runId) = await SearchAsync(Plan(), (e, cancel) =>
        {
            if (e is CapacityStepEnded { Step: 1 }) cancel.Cancel();
        });

        var step = Assert.Single(result.Steps);
        Assert.True(step.Passed, step.Note);
        Assert.Equal(15, result.Rate);
        Assert.Equal("cancelled after 1 completed step(s): the capacity is at least 15/s", result.Note);
        Assert.DoesNotContain(events, e => e is CapacityStepStarted { Step: 2 });
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();

    /// <summary>
    /// Runs the search as a run would (its folder, ledger, store, the local runtime and load generator), telling
    /// <paramref name="onEvent"/> every event with the source of the search's token; returns what it found, the
    /// events, and every process the ledger listed while the steps ran (it forgets what it has cleaned up).
    /// </summary>
    private async Task<(CapacityResult Result, IReadOnlyList<RunEvent> Events, IReadOnlyList<LedgerEntry> Processes, string Directory, string RunId)> SearchAsync(
        ExperimentPlan plan, Action<RunEvent, CancellationTokenSource> onEvent)
    {
        var runId = $"capacity-{Guid.NewGuid():N}"[..24];
        var directory = Path.Combine(_lab.State, "runs", runId);
        Directory.CreateDirectory(directory);
        // As a run folder is: the user a server runs as may pass through it.
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        var events = new ConcurrentQueue<RunEvent>();
        var processes = new ConcurrentDictionary<LedgerEntry, bool>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        var ledger = RunLedger.Open(_lab.Ledgers, runId, TimeProvider.System);
        var progress = new Progress(e =>
        {
            events.Enqueue(e);
            if (e is WorkloadTick)
                foreach (var entry in ledger.Entries.Where(x => x.Kind == LedgerEntryKind.Process)) processes.TryAdd(entry, true);
            onEvent(e, cancel);
        });

        CapacityResult result;
        await using (var store = await SqliteRunStore.OpenAsync(Path.Combine(_lab.State, "assay.db"), CancellationToken.None))
        using (var runtime = new LocalRuntime(new LocalRuntimeOptions(RepoPaths.Root, TimeSpan.FromMilliseconds(250)), AccountingDetector.Detect(), ledger, TimeProvider.System))
        {
            await store.BeginRunAsync(new RunRecord(runId, plan.Info.Name, plan.Info.Title, DateTimeOffset.UtcNow, directory, "capacity.yaml", "", plan.Parameters), CancellationToken.None);
            var generator = new LocalLoadGenerator(LoadGenerator(), AccountingDetector.Detect(), ledger, TimeSpan.FromMilliseconds(250), TimeProvider.System);
            var runner = new CapacityRunner(new TrialRunner(runtime, generator, store, TimeProvider.System), TimeProvider.System);
            result = await runner.SearchAsync(plan, plan.Variants[0], Context(runId, directory, plan), progress, cancel.Token);
        }
        ledger.Dispose();
        return (result, [.. events], [.. processes.Keys], directory, runId);
    }

    /// <summary>
    /// demo-app's <c>/compute?n=50000</c> counts primes by trial division, a few milliseconds of one CPU per
    /// request, so one CPU serves one or two hundred a second: 15/s passes even while other work crowds the machine
    /// (the SLO allows 250 ms and each step warms up a second, a fresh process's JIT included, for that reason).
    /// Max is low enough that the search takes at most seven steps, under a minute; max passing is a valid end.
    /// </summary>
    private static ExperimentPlan Plan()
    {
        var catalog = CatalogLoader.Load([RepoPaths.Catalog]).Value
            ?? throw new InvalidOperationException("The shipped catalog does not load: run `assay validate` to see why.");
        var entry = catalog.Find("demo-app") ?? throw new InvalidOperationException("The shipped catalog has no demo-app entry.");
        var workload = new HttpWorkloadPlan(
            new TargetPlan("web", null, null),
            [new HttpRequestPlan("compute", 1, "GET", "/compute?n=50000", null, new Dictionary<string, string>(), [200])],
            // Tolerances wide enough for a generator sharing a busy two-CPU machine; a step still fails if it lags.
            new OpenModel(30, 64, TimeSpan.FromMilliseconds(50), 0.05),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(10),
            TimeSpan.FromSeconds(2));
        var web = new ComponentPlan("web", entry, new Dictionary<string, string>(entry.Parameters), ResourcePlan.Unlimited, 1, new Dictionary<string, string>());
        var variant = new VariantPlan("demo", [web], workload, [], new Dictionary<string, string>());
        return new ExperimentPlan(
            new ExperimentInfo("capacity-test", "Capacity of demo-app's /compute", null, [], null),
            [variant],
            1,
            new PlacementPlan(LoadGenerator: "0", Components: "1"),
            new Dictionary<string, string>(),
            new ExperimentSource("capacity.yaml", ""))
        {
            Slos = [new SloPlan("latency", SloKind.Latency, 99, TimeSpan.FromMilliseconds(250))],
            // Started low: on a CI machine running other test projects beside it, 30/s once missed the SLO already.
            Capacity = new CapacityPlan("latency", Start: 15, Max: 240, Precision, TimeSpan.FromSeconds(2)),
            Cost = new CostPlan(CostPlan.CustomNode),
            Pricing = new PricedNode(CostPlan.CustomNode, Market.OnDemand, new ResourceRates(0.04, 0.005), null, null, null, "test prices"),
        };
    }

    private static RunContext Context(string runId, string directory, ExperimentPlan plan) => new(
        runId, directory, 42,
        new EnvironmentInfo("local", AccountingDetector.Detect().Kind.ToText(), new MachineInfo("test", "linux", "", "", Environment.ProcessorCount, 0),
            "test", Environment.Version.ToString(), plan.Placement, 0.25));

    /// <summary>The CLI beside the tests, started as <c>dotnet assay.dll loadgen</c>.</summary>
    private static LoadGeneratorCommand LoadGenerator() =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "assay.dll"), "loadgen"]);

    private sealed class Progress(Action<RunEvent> report) : IProgress<RunEvent>
    {
        public void Report(RunEvent value) => report(value);
    }
}
