using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>experiments/logging-loki through the real CLI, where Grafana Loki is installed (it cannot be on this project's machines).</summary>
public sealed class LoggingLokiSmokeTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [GrafanaLokiFact(Timeout = 150_000)]
    public async Task Every_rate_keeps_every_line_and_nothing_is_left()
    {
        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(140), "run", RepoPaths.Of("experiments", "logging-loki"), "--duration", "3s", "--trials", "1");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        var result = _lab.Result(runId);
        foreach (var variant in result["variants"]!.AsArray())
        {
            var stats = variant!["workload"]!["stats"]!;
            Assert.Equal(0, (double)stats["lost"]!);
            Assert.Equal((double)stats["pushed"]!, (double)stats["found"]!);
        }
        _lab.AssertNothingLeft(runId, []);
    }

    [WithoutGrafanaLokiFact(Timeout = 60_000)]
    public async Task Where_loki_is_not_Grafana_Loki_the_run_fails_at_once_naming_the_binary()
    {
        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(50), "run", RepoPaths.Of("experiments", "logging-loki"), "--duration", "1s", "--trials", "1");

        Assert.True(code == 3, cli.Output);
        // Debian's unrelated 'loki' is refused by the entry's check; no 'loki' at all is a missing binary.
        Assert.True(cli.Output.Contains("is not Grafana Loki", StringComparison.Ordinal) || cli.Output.Contains("apt-get install -y loki", StringComparison.Ordinal), cli.Output);
        foreach (var runId in _lab.RunIds()) _lab.AssertNothingLeft(runId, []);
    }

    public void Dispose() => _lab.Dispose();
}
