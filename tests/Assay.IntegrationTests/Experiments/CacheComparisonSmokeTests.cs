using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>experiments/cache-comparison through the real CLI, at smoke-test length, every variant.</summary>
public sealed class CacheComparisonSmokeTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 150_000)]
    public async Task Both_caches_serve_both_mixes_with_every_GET_verified_and_nothing_is_left()
    {
        var (code, cli, processes) = await _lab.RunWatchingAsync(TimeSpan.FromSeconds(140),
            "run", RepoPaths.Of("experiments", "cache-comparison"), "--duration", "3s", "--trials", "1",
            "--param", "warm-up=1s", "--param", "connections=8");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        var variants = _lab.Result(runId)["variants"]!.AsArray();
        Assert.Equal(["redis-get-heavy", "memcached-get-heavy", "redis-set-heavy", "memcached-set-heavy"], variants.Select(v => (string?)v!["name"]));
        foreach (var variant in variants)
        {
            var name = (string)variant!["name"]!;
            var workload = variant["workload"]!;
            Assert.Equal("passed", (string?)variant["status"]);
            Assert.True((double)workload["throughput"]! > 0, $"{name} measured nothing");
            Assert.True((long)workload["errors"]! == 0, $"{name}: {workload["errorKinds"]?.ToJsonString()}");
            var byRequest = workload["byRequest"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => (long)r!["requests"]!);
            Assert.Equal(["get", "set"], byRequest.Keys);
            // The mix is what the variant says (90/10 either way), and every GET hit a preloaded key with its right value.
            var (gets, sets) = (byRequest["get"], byRequest["set"]);
            Assert.True(name.EndsWith("get-heavy", StringComparison.Ordinal) ? gets > 4 * sets : sets > 4 * gets, $"{name}: {gets} GETs, {sets} SETs");
            Assert.Equal(gets, (double)workload["stats"]!["hits"]!);
            Assert.Equal(0, (double)workload["stats"]!["misses"]!);
            var cache = variant["components"]!.AsArray().Single(c => (string?)c!["name"] == "cache")!;
            Assert.True((double)cache["cpuSeconds"]! > 0, $"{name}: the cache used no CPU");
            Assert.True((long)cache["memoryPeakBytes"]! > 0);
        }
        Assert.Contains(processes, p => p.Command == "redis-server");
        Assert.Contains(processes, p => p.Command == "memcached");
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
