using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>experiments/runtime-comparison through the real CLI, at smoke-test length, on half its variants.</summary>
public sealed class RuntimeComparisonSmokeTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 150_000)]
    public async Task Both_runtimes_serve_echo_and_compute_and_report_cold_start_and_memory()
    {
        // POST with a body and the CPU-bound endpoint; /health and /json answer alike in tests/Assay.Apps.Tests.
        string[] variants = ["dotnet-echo", "node-echo", "dotnet-compute", "node-compute"];
        var file = ExperimentFiles.WithVariants(RepoPaths.Of("experiments", "runtime-comparison", "experiment.yaml"), _lab.Path, variants);

        var (code, cli, processes) = await _lab.RunWatchingAsync(TimeSpan.FromSeconds(140),
            "run", file, "--duration", "3s", "--trials", "1", "--param", "warm-up=1s");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        var results = _lab.Result(runId)["variants"]!.AsArray();
        Assert.Equal(variants, results.Select(v => (string?)v!["name"]));
        foreach (var variant in results)
        {
            var name = (string)variant!["name"]!;
            Assert.Equal("passed", (string?)variant["status"]);
            var request = Assert.Single(variant["workload"]!["byRequest"]!.AsArray())!;
            Assert.Equal(name.Split('-')[1], (string?)request["name"]);
            Assert.True((long)request["requests"]! > 0, $"{name} measured no request");
            Assert.Equal((long)request["requests"]!, (long)request["statuses"]!["200"]!);
            var app = Assert.Single(variant["components"]!.AsArray())!;
            // Cold start, probed every 10 ms: more than nothing, less than the readiness timeout.
            Assert.InRange((double)app["startupSeconds"]!, 0.005, 30);
            Assert.InRange((long)app["memoryPeakBytes"]!, 4L << 20, 2L << 30);
        }
        Assert.Contains(processes, p => p.Command == "node");
        Assert.Contains(processes, p => p.Command == "demo-app");
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
