using System.Text.Json.Nodes;
using Assay.Runtimes.Local.Ledger;
using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>experiments/proxy-comparison through the real CLI, at smoke-test length.</summary>
public sealed class ProxyComparisonSmokeTests : IDisposable
{
    private const int SigKill = 9;
    private static readonly string Experiment = RepoPaths.Of("experiments", "proxy-comparison");
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 150_000)]
    public async Task Direct_and_the_three_proxies_run_and_show_what_each_proxy_costs_per_request()
    {
        var (code, cli, processes) = await _lab.RunWatchingAsync(TimeSpan.FromSeconds(140),
            "run", Experiment, "--duration", "3s", "--trials", "1", "--param", "warm-up=1s");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        var variants = _lab.Result(runId)["variants"]!.AsArray();
        Assert.Equal(["direct", "nginx", "haproxy", "caddy"], variants.Select(v => (string?)v!["name"]));
        foreach (var variant in variants)
        {
            var name = (string)variant!["name"]!;
            Assert.Equal("passed", (string?)variant["status"]);
            Assert.True((long)variant["workload"]!["requests"]! > 0, $"{name} measured no request");
            Assert.Equal(0, (long)variant["workload"]!["errors"]!);
            var components = variant["components"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => c!);
            Assert.True((double)components["web"]["cpuSeconds"]! > 0, $"{name}: the app used no CPU");
            if (name == "direct")
            {
                Assert.Equal(["web"], components.Keys);
                continue;
            }
            // What the README tells readers to compute: the proxy's CPU in the window over the window's requests.
            var cpuPerRequest = (double)components["proxy"]["cpuSeconds"]! / (long)variant["workload"]!["requests"]!;
            Assert.InRange(cpuPerRequest, 1e-7, 0.005);
            Assert.True((long)components["proxy"]["memoryPeakBytes"]! > 0);
            Assert.True((double)components["proxy"]["startupSeconds"]! > 0);
        }
        Assert.Contains(processes, p => p.Command == "nginx");
        Assert.Contains(processes, p => p.Command == "haproxy");
        Assert.Contains(processes, p => p.Command == "caddy");
        _lab.AssertNothingLeft(runId, processes);
    }

    /// <summary>
    /// The lab watches every component, not only the target: the app's death behind a proxy that still runs
    /// ends the run as an error naming the app, with its log tail and what was measured until then.
    /// </summary>
    [Theory(Timeout = 120_000)]
    [InlineData("nginx")]
    [InlineData("haproxy")]
    [InlineData("caddy")]
    public async Task An_upstream_that_dies_mid_run_fails_the_run_naming_it(string proxy)
    {
        var file = ExperimentFiles.WithVariants(Path.Combine(Experiment, "experiment.yaml"), _lab.Path, proxy);
        await using var cli = _lab.Start("run", file, "--duration", "60s", "--trials", "1", "--param", "warm-up=0s");
        var apps = await _lab.WaitForProcessesAsync(p => p.Command == "demo-app", 1, TimeSpan.FromSeconds(60));
        await cli.WaitForOutputAsync("measuring", TimeSpan.FromSeconds(60));
        await Task.Delay(1500);
        var processes = _lab.LedgerEntries().Where(e => e.Kind == LedgerEntryKind.Process).ToList();
        Assert.Contains(processes, p => p.Command == proxy);

        ProcessSignals.Send(apps[0].Pid!.Value, SigKill);
        var code = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(code == 3, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        var result = _lab.Result(runId);
        Assert.Equal("error", (string?)result["status"]);
        var error = result["errors"]![0]!;
        Assert.Equal("web", (string?)error["component"]);
        Assert.Contains("exited with code 137", (string)error["message"]!, StringComparison.Ordinal);
        var workload = result["variants"]![0]!["workload"]!;
        Assert.True((long)workload["requests"]! > 0, "what was measured before the app died was lost");
        // Requests the proxy answered in the moment between the death and the stop are errors, never successes.
        var kinds = workload["errorKinds"] as JsonObject ?? [];
        Assert.All(kinds, k => Assert.True(k.Key.StartsWith("status 5", StringComparison.Ordinal) || k.Key is "connection" or "timeout", k.Key));
        Assert.Contains("exited with code 137", cli.Output, StringComparison.Ordinal);
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
