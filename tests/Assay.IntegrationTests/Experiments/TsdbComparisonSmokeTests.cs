using Assay.Runtimes.Local.Ledger;
using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>experiments/tsdb-comparison through the real CLI: every variant, in two runs of three (one per TSDB).</summary>
public sealed class TsdbComparisonSmokeTests : IDisposable
{
    private const int SigKill = 9;
    private static readonly Dictionary<string, double> Series = new() { ["low"] = 1_000, ["medium"] = 10_000, ["high"] = 50_000 };
    private readonly LabFolder _lab = new();

    [Theory(Timeout = 150_000)]
    [InlineData("prometheus")]
    [InlineData("victoria-metrics")]
    public async Task Each_level_is_ingested_verified_and_measured_and_nothing_is_left(string tsdb)
    {
        var experiment = ExperimentFiles.WithVariants(_lab, "tsdb-comparison", name => name.StartsWith(tsdb + "-", StringComparison.Ordinal));

        // The smoke run checks the pipeline; the latency bar is for a quiet machine. 6 s, not 3: queries count when they
        // complete inside the window, and on a CI machine running other tests a query over 50,000 series once took longer
        // than a 3 s window, so that level measured no query at all.
        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(140), "run", experiment, "--duration", "6s", "--trials", "1",
            "--param", "queryP95=30s");

        var runId = Assert.Single(_lab.RunIds());
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        Assert.True(code == 0, cli.Output);
        var result = _lab.Result(runId);
        Assert.Equal("passed", (string?)result["status"]);
        var variants = result["variants"]!.AsArray();
        Assert.Equal(3, variants.Count);
        foreach (var variant in variants)
        {
            var level = ((string)variant!["name"]!)[(tsdb.Length + 1)..];
            var stats = variant["workload"]!["stats"]!;
            Assert.Equal(Series[level], (double)stats["querySeries"]!);
            Assert.InRange((double)stats["headSeries"]!, Series[level], Series[level] + 20);
            Assert.True((double)stats["ingestedSamplesPerSecond"]! > Series[level] * 0.3, $"{variant["name"]}: {stats.ToJsonString()}");
            Assert.Equal(0, (long)variant["workload"]!["errors"]!);
            var byRequest = variant["workload"]!["byRequest"]!.AsArray().Select(r => (string)r!["name"]!).ToList();
            Assert.Equal(["series", "avg-by-deck", "top-10", "temperature-max", "by-type-1m"], byRequest);
            var server = variant["components"]!.AsArray().Single(c => (string?)c!["name"] == "tsdb")!;
            Assert.True((double)server["cpuSeconds"]! > 0);
            Assert.InRange((long)server["memoryPeakBytes"]!, 5L << 20, 4L << 30);
        }
        _lab.AssertNothingLeft(runId, []);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_TSDB_killed_mid_run_fails_the_run_with_its_log_tail_and_leaves_nothing()
    {
        var experiment = ExperimentFiles.WithVariants(_lab, "tsdb-comparison", name => name == "prometheus-low");
        await using var cli = _lab.Start("run", experiment, "--duration", "60s", "--trials", "1");
        var servers = await _lab.WaitForProcessesAsync(p => p.Command == "prometheus", 1, TimeSpan.FromSeconds(60));
        await cli.WaitForOutputAsync("measuring", TimeSpan.FromSeconds(60));
        var processes = _lab.LedgerEntries().Where(e => e.Kind == LedgerEntryKind.Process).ToList();

        ProcessSignals.Send(servers[0].Pid!.Value, SigKill);
        var code = await cli.WaitForExitAsync(TimeSpan.FromSeconds(45));

        Assert.True(code == 3, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        var result = _lab.Result(runId);
        Assert.Equal("error", (string?)result["status"]);
        var error = result["errors"]![0]!;
        Assert.Equal("tsdb", (string?)error["component"]);
        Assert.Contains("exited with code 137", (string)error["message"]!, StringComparison.Ordinal);
        Assert.Contains("stderr.log", (string)error["logTail"]!, StringComparison.Ordinal);
        Assert.Contains("exited with code 137", cli.Output, StringComparison.Ordinal);
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
