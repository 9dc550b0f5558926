using Assay.Core.History;
using Assay.Core.Statistics;
using Assay.Testing;

namespace Assay.Core.Tests.History;

public sealed class KpiSamplesTests
{
    [Fact]
    public void The_median_comes_from_the_kpi_summary_or_else_from_the_trials_workload_figures()
    {
        var unanalysed = new RunResultBuilder { Trials = 3, MeasuredSeconds = 2 }.Build().Variants[0];
        var analysed = unanalysed with { Kpis = new Dictionary<string, KpiSummary> { ["throughput"] = KpiSummary.Of([10, 30, 20]) } };

        Assert.Empty(unanalysed.Kpis);
        Assert.Equal(Median.Of(unanalysed.TrialResults.Select(t => t.Workload!.Throughput)), KpiSamples.Median(unanalysed, "throughput"));
        Assert.Equal(20, KpiSamples.Median(analysed, "throughput"));
        Assert.Null(KpiSamples.Median(analysed, "cost_per_million"));
    }
}
