using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>
/// experiments/http-baseline through the real CLI, at smoke-test length, as shipped (hello-app's own run is
/// checked in HelloAppRunTests; the interruption and placement tests use http-baseline but never let it finish).
/// </summary>
public sealed class HttpBaselineSmokeTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 120_000)]
    public async Task Both_replicas_serve_the_mix_without_errors_and_nothing_is_left()
    {
        var (code, cli, processes) = await _lab.RunWatchingAsync(TimeSpan.FromSeconds(110),
            "run", RepoPaths.Of("experiments", "http-baseline"), "--duration", "3s", "--trials", "1");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        var variant = Assert.Single(_lab.Result(runId)["variants"]!.AsArray())!;
        var workload = variant["workload"]!;
        Assert.Equal("passed", (string?)variant["status"]);
        Assert.True((double)workload["throughput"]! > 0);
        Assert.Equal(0, (long)workload["errors"]!);
        Assert.All(workload["byRequest"]!.AsArray(), r => Assert.Equal((long)r!["requests"]!, (long?)r["statuses"]!["200"] ?? 0));
        var replicas = variant["components"]!.AsArray().Where(c => (string?)c!["name"] == "web").ToList();
        Assert.NotEmpty(replicas);
        Assert.All(replicas, web => Assert.True((double)web!["cpuSeconds"]! > 0, "a replica used no CPU"));
        Assert.Equal(2, processes.Count(p => p.Command == "demo-app"));
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
