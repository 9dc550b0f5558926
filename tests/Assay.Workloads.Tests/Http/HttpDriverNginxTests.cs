using System.Diagnostics;
using System.Reflection;
using Assay.Core.Measurements;
using Assay.Testing;
using Assay.Workloads.Http;

namespace Assay.Workloads.Tests.Http;

/// <summary>The HTTP driver against a real nginx (Debian's package), the server of the load generator benchmark.</summary>
public class HttpDriverNginxTests
{
    [Theory(Timeout = 60_000)]
    [InlineData(HttpEngine.Auto)]
    [InlineData(HttpEngine.Sockets)]
    public async Task Drives_nginx_without_errors_and_without_allocating_per_request(HttpEngine engine)
    {
        var nginx = await NginxServer.StartAsync(CancellationToken.None);
        int[] workers;
        try
        {
            workers = [.. nginx.WorkerPids()];
            long allocatedAtStart = 0;
            long allocatedAtEnd = 0;
            var progress = new ProgressLog
            {
                OnReport = p =>
                {
                    if (p.Stage == WorkloadStage.Measuring && allocatedAtStart == 0) allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
                    if (p.Stage == WorkloadStage.Done) allocatedAtEnd = GC.GetTotalAllocatedBytes(precise: true);
                },
            };

            var measurement = await Plans.RunAsync(engine, Plans.Closed(8, warmUpSeconds: 0.5, durationSeconds: 2), nginx.Url, progress);

            Assert.Equal(0, measurement.Failed);
            Assert.True(measurement.Throughput > 1000, $"{measurement.Throughput:F0} requests/s");
            Assert.Equal(new Dictionary<int, long> { [200] = measurement.Total }, measurement.ByOperation[0].StatusCounts);
            Assert.Equal(measurement.Total, measurement.Latency().Count);
            var bytesPerRequest = (allocatedAtEnd - allocatedAtStart) / (double)measurement.Total;
            Assert.True(bytesPerRequest < AllowedBytesPerRequest(), $"{bytesPerRequest:F1} bytes allocated per request in the steady state");
        }
        finally
        {
            await nginx.DisposeAsync();
        }

        Assert.True(nginx.HasExited);
        Assert.NotEmpty(workers);
        Assert.All(workers, pid => Assert.False(Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "nginx", $"nginx worker {pid} is still running"));
        Assert.False(Directory.Exists(nginx.Folder));
    }

    /// <summary>
    /// Optimized, the steady state allocates nothing per request (about 2 bytes a request remain: progress
    /// reports and the runtime's own queues). A Debug build compiles async state machines to classes, one
    /// allocation per exchange, so there the bound only catches gross regressions.
    /// </summary>
    private static double AllowedBytesPerRequest() =>
        typeof(HttpDriver).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true ? 400 : 16;
}
