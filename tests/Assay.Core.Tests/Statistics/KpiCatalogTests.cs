using System.Text.RegularExpressions;
using Assay.Core.Results;
using Assay.Core.Statistics;

namespace Assay.Core.Tests.Statistics;

public partial class KpiCatalogTests
{
    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex LowerSnakeCase();

    [Fact]
    public void Names_are_unique_lower_snake_case() =>
        Assert.All(KpiCatalog.All, k =>
        {
            Assert.Matches(LowerSnakeCase(), k.Name);
            Assert.Single(KpiCatalog.All, other => other.Name == k.Name);
        });

    [Fact]
    public void The_catalog_has_the_issue_s_kpis_with_their_directions()
    {
        Assert.Equal(["throughput", "latency_p50_ms", "latency_p99_ms", "error_ratio", "cost_per_million"], KpiCatalog.All.Select(k => k.Name));
        Assert.Equal(KpiDirection.HigherIsBetter, KpiCatalog.Throughput.Direction);
        Assert.All(KpiCatalog.All.Skip(1), k => Assert.Equal(KpiDirection.LowerIsBetter, k.Direction));
    }

    [Fact]
    public void Find_looks_names_up_exactly()
    {
        Assert.Same(KpiCatalog.LatencyP99Ms, KpiCatalog.Find("latency_p99_ms"));
        Assert.Null(KpiCatalog.Find("Latency_P99_ms"));
        Assert.Null(KpiCatalog.Find("p99"));
    }

    [Fact]
    public void A_trial_s_workload_gives_its_workload_kpis()
    {
        var measurement = Samples.Workload(TimeSpan.FromSeconds(10), [Samples.Operation("get", 1000, 10, Samples.Steps(100, 10, 100))]);
        var workload = ResultBuilder.Summarize(measurement);
        var values = KpiCatalog.ValuesOf(workload);
        Assert.Equal(workload.Throughput, values["throughput"]);
        Assert.Equal(99, values["throughput"], 1e-9);
        Assert.Equal(workload.LatencyMs.P50, values["latency_p50_ms"]);
        Assert.Equal(workload.LatencyMs.P99, values["latency_p99_ms"]);
        Assert.Equal(0.01, values["error_ratio"], 1e-12);
        Assert.False(values.ContainsKey("cost_per_million"));
    }
}
