using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>experiments/etcd-baseline through the real CLI, at smoke-test length.</summary>
public sealed class EtcdBaselineSmokeTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 150_000)]
    public async Task Puts_and_gets_through_the_JSON_gateway_are_measured_apart_in_every_mix()
    {
        var (code, cli, processes) = await _lab.RunWatchingAsync(TimeSpan.FromSeconds(140),
            "run", RepoPaths.Of("experiments", "etcd-baseline"), "--duration", "3s", "--trials", "1", "--param", "warm-up=1s");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        var variants = _lab.Result(runId)["variants"]!.AsArray();
        Assert.Equal(["reads", "mixed", "writes"], variants.Select(v => (string?)v!["name"]));
        foreach (var variant in variants)
        {
            Assert.Equal("passed", (string?)variant!["status"]);
            Assert.Equal(0, (long)variant["workload"]!["errors"]!);
            var byRequest = variant["workload"]!["byRequest"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => r!);
            Assert.Equal(["put", "get"], byRequest.Keys);
            foreach (var request in byRequest.Values)
                Assert.Equal((long)request["requests"]!, (long?)request["statuses"]!["200"] ?? 0);
            Assert.True((double)variant["components"]![0]!["cpuSeconds"]! > 0);
        }
        // The mixes are what they say: 99 to 1 either way.
        double Throughput(int variant, string request) =>
            (double)variants[variant]!["workload"]!["byRequest"]!.AsArray().Single(r => (string?)r!["name"] == request)!["throughput"]!;
        Assert.True(Throughput(0, "get") > 10 * Throughput(0, "put"));
        Assert.True(Throughput(2, "put") > 10 * Throughput(2, "get"));
        Assert.Contains(processes, p => p.Command == "etcd");
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
