using Assay.Testing;

namespace Assay.IntegrationTests;

public sealed class NginxUrlTargetTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 120_000)]
    public async Task The_http_driver_loads_a_real_nginx_given_by_url()
    {
        await using var nginx = await NginxServer.StartAsync(CancellationToken.None);

        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(90),
            "run", RepoPaths.Of("bench", "http-loadgen"), "--param", $"target-url={nginx.Url}", "--param", "duration=2s", "--param", "connections=8");

        Assert.True(code == 0, cli.Output);
        var result = _lab.Result(Assert.Single(_lab.RunIds()));
        var workload = result["variants"]![0]!["workload"]!;
        // Even an unoptimised debug build of the driver does thousands of requests a second against nginx.
        Assert.True((double)workload["throughput"]! > 500, cli.Output);
        Assert.Equal(0, (long)workload["errors"]!);
        Assert.Equal((long)workload["requests"]!, (long)workload["byRequest"]![0]!["statuses"]!["200"]!);
        Assert.Empty(result["variants"]![0]!["components"]!.AsArray());
        Assert.False(nginx.HasExited);
    }

    public void Dispose() => _lab.Dispose();
}
