using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>
/// experiments/database-comparison through the real CLI, at smoke-test length: every variant, at pgbench's
/// scale 1 (100,000 accounts) so that loading the schema, done afresh for each variant, stays short.
/// </summary>
public sealed class DatabaseComparisonSmokeTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 240_000)]
    public async Task Both_databases_run_both_scenarios_with_every_balance_verified_and_nothing_is_left()
    {
        var (code, cli, processes) = await _lab.RunWatchingAsync(TimeSpan.FromSeconds(230),
            "run", RepoPaths.Of("experiments", "database-comparison"), "--duration", "3s", "--trials", "1",
            "--param", "warm-up=1s", "--param", "scale=1", "--param", "clients=2");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        // What was measured, exactly: each server's version as its binary printed it.
        var technologies = _lab.Result(runId)["environment"]!["technologies"]!;
        Assert.Contains("PostgreSQL) 15", (string?)technologies["postgresql"], StringComparison.Ordinal);
        Assert.Contains("MariaDB", (string?)technologies["mariadb"], StringComparison.Ordinal);
        var variants = _lab.Result(runId)["variants"]!.AsArray();
        Assert.Equal(["postgresql-read-write", "mariadb-read-write", "postgresql-read-only", "mariadb-read-only"], variants.Select(v => (string?)v!["name"]));
        foreach (var variant in variants)
        {
            var name = (string)variant!["name"]!;
            var workload = variant["workload"]!;
            Assert.Equal("passed", (string?)variant["status"]);
            Assert.True((double)workload["throughput"]! > 0, $"{name} measured nothing");
            Assert.True((long)workload["errors"]! == 0, $"{name}: {workload["errorKinds"]?.ToJsonString()}");
            var operation = Assert.Single(workload["byRequest"]!.AsArray())!;
            Assert.Equal(name.EndsWith("read-write", StringComparison.Ordinal) ? "transaction" : "select", (string?)operation["name"]);
            Assert.Equal(1, (double)workload["stats"]!["scale"]!);
            Assert.True((double)workload["stats"]!["loadSeconds"]! > 0, $"{name}: the schema was never loaded");
            var db = variant["components"]!.AsArray().Single(c => (string?)c!["name"] == "db")!;
            Assert.True((double)db["cpuSeconds"]! > 0, $"{name}: the database used no CPU");
            Assert.True((long)db["memoryPeakBytes"]! > 0);
        }
        Assert.Contains(processes, p => p.Command == "postgres");
        Assert.Contains(processes, p => p.Command == "mariadbd");
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
