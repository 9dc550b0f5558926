using Assay.Core.Plans;
using Assay.Testing;
using Assay.Workloads.LogsIngest;

namespace Assay.Workloads.Tests.LogsIngest;

/// <summary>The logs-ingest driver against the real Grafana Loki of the catalog, where it is installed (see <see cref="GrafanaLoki"/>).</summary>
public sealed class LokiDriverTests
{
    [GrafanaLokiFact(Timeout = 120_000)]
    public async Task Loki_keeps_every_line_pushed_and_answers_the_three_queries()
    {
        string folder;
        await using (var loki = await CatalogServer.StartAsync("loki", CancellationToken.None))
        {
            folder = loki.Folder;
            var plan = LogsIngestPlans.Plan(rate: 200, services: 20, warmUpSeconds: 1, durationSeconds: 4);
            var run = new WorkloadRun(plan, new Dictionary<string, IReadOnlyList<TargetEndpoint>> { [WorkloadPlan.TargetRole] = loki.Endpoints() }, 5);

            var measurement = await new LogsIngestDriver().RunAsync(run, null, CancellationToken.None);

            Assert.Equal(0, measurement.Stats["lost"]);
            Assert.Equal(measurement.Stats["pushed"], measurement.Stats["found"]);
            Assert.InRange(measurement.Stats["pushed"], 800, 1200);
            Assert.All(measurement.ByOperation, o => Assert.True(o.Total > 0 && o.Failed == 0, $"{o.Name}: {o.Failed} of {o.Total} failed"));
        }
        Assert.False(Directory.Exists(folder));
    }
}
