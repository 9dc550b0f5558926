using System.Text.Json.Nodes;
using Assay.Testing;

namespace Assay.IntegrationTests;

public sealed class HelloAppRunTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 120_000)]
    public async Task A_run_deploys_measures_stores_and_leaves_nothing_behind()
    {
        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(90),
            "run", RepoPaths.Of("experiments", "hello-app"), "--duration", "3s", "--out", "copy/result.json");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        var path = _lab.ResultPath(runId);
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(path)));
        if (ResultContract.RunCheckResultTool(path) is { } tool) Assert.True(tool.ExitCode == 0, tool.Output);
        Assert.Equal(await File.ReadAllTextAsync(path), await File.ReadAllTextAsync(Path.Combine(_lab.Path, "copy", "result.json")));

        var result = _lab.Result(runId);
        Assert.Equal("passed", (string?)result["status"]);
        var variant = result["variants"]![0]!;
        Assert.InRange((double)variant["workload"]!["throughput"]!, 1, 1000);
        Assert.Equal(0, (long)variant["workload"]!["errors"]!);
        var web = variant["components"]!.AsArray().Single(c => (string?)c!["name"] == "web")!;
        Assert.True((double)web["cpuSeconds"]! > 0, "the app used no CPU in the window?");
        Assert.InRange((long)web["memoryPeakBytes"]!, 5L << 20, 2L << 30);
        Assert.True((double)variant["loadGenerator"]!["cpuSeconds"]! > 0);
        Assert.All(variant["thresholds"]!.AsArray(), t => Assert.True((bool)t!["passed"]!));
        Assert.Equal(2, variant["thresholds"]!.AsArray().Count);

        // The summary names every figure the issue lists.
        foreach (var text in new[] { "Throughput", "p50", "p90", "p99", "p99.9", "max", "Errors", "CPU-s", "avg cores", "peak mem", "avg mem", "http_req_duration: p(95)<300ms" })
            Assert.Contains(text, cli.Output, StringComparison.Ordinal);

        // Stored: listed by `runs`, shown by `show` as the same document.
        var (listCode, list) = await _lab.RunAsync(TimeSpan.FromSeconds(30), "runs", "--json");
        Assert.Equal(0, listCode);
        Assert.Equal(runId, (string?)JsonNode.Parse(list.Stdout)!.AsArray().Single()!["runId"]);
        var (showCode, show) = await _lab.RunAsync(TimeSpan.FromSeconds(30), "show", runId[..20], "--json");
        Assert.Equal(0, showCode);
        Assert.Equal(runId, (string?)JsonNode.Parse(show.Stdout)!["runId"]);

        _lab.AssertNothingLeft(runId, []);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failed_threshold_fails_the_run_with_exit_code_1()
    {
        var experiment = Path.Combine(_lab.Path, "strict.yaml");
        var text = await File.ReadAllTextAsync(RepoPaths.Of("experiments", "hello-app", "experiment.yaml"));
        await File.WriteAllTextAsync(experiment, text.Replace("p(95)<300ms", "p(95)<1us", StringComparison.Ordinal));

        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(90), "run", experiment, "--duration", "2s");

        Assert.True(code == 1, cli.Output);
        var result = _lab.Result(Assert.Single(_lab.RunIds()));
        Assert.Equal("failed", (string?)result["status"]);
        var threshold = result["variants"]![0]!["thresholds"]!.AsArray().Single(t => ((string)t!["expression"]!).Contains("p(95)", StringComparison.Ordinal))!;
        Assert.False((bool)threshold["passed"]!);
        Assert.True((double)threshold["actual"]! > 0.001);
        Assert.Contains("FAIL", cli.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _lab.Dispose();
}
