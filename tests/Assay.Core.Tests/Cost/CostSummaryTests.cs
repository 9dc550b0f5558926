using System.Text.Json;
using Assay.Core.Cost;
using Assay.Core.Results;

namespace Assay.Core.Tests.Cost;

public class CostSummaryTests
{
    private static readonly PricedNode Node = CostSamples.Custom();

    private static CostResult Trial(double webCores, long operations) => CostCalculator.Trial(
        Node,
        new CostPlan(CostPlan.CustomNode, Projection: new ProjectionPlan(10_000)),
        CostSamples.TwoComponents() with
        {
            Instances = [CostSamples.Steady("web", webCores, 1.5), CostSamples.Steady("cache", 0.25, 0.5)],
            Operations = operations,
            Throughput = operations / 3600.0,
        });

    [Fact]
    public void A_variant_gets_the_median_of_its_trials()
    {
        // web (no request) at 1.5, 0.25 and 0.5 cores, cache charged its 0.5-core request: 2, 0.75 and 1 core-h at $0.036,
        // plus 2.5 GiB-h at $0.0036 each: totals 0.081, 0.036 and 0.045; median 0.045.
        CostResult[] trials = [Trial(1.5, 3_600_000), Trial(0.25, 1_800_000), Trial(0.5, 3_600_000)];
        var variant = CostSummary.AcrossTrials(trials, Node);
        Assert.Equal(0.045, variant.Total, 12);
        // Per million per trial: 0.081 / 3.6 = 0.0225, 0.036 / 1.8 = 0.02, 0.045 / 3.6 = 0.0125; median 0.02, the
        // median of the trials' own figures (not the median total over the median count, 0.0125).
        Assert.Equal(0.02, variant.PerMillion!.Value, 12);
        Assert.Equal(0.5, variant.Components.Single(c => c.Name == "web").CpuCoreHours, 12);
        Assert.Equal(0.0864, variant.Views.Node!.Total, 12);
        Assert.Equal(3_600_000, variant.Operations);
    }

    [Fact]
    public void The_projection_is_worked_out_again_from_the_median_inputs()
    {
        // Throughput medians 1000/s; cores used 1.75, 0.5, 0.75 → 0.75; memory 2.5 GiB each: the 7 nodes of the single trial.
        CostResult[] trials = [Trial(1.5, 3_600_000), Trial(0.25, 1_800_000), Trial(0.5, 3_600_000)];
        var projection = CostSummary.AcrossTrials(trials, Node).Projection!;
        Assert.Equal(0.75, projection.CoresUsed, 12);
        Assert.Equal(7, projection.Nodes);
        Assert.Equal(441.504, projection.Monthly, 9);
        Assert.Equal("medians of 3 trials", projection.Assumptions[^1]);
    }

    [Fact]
    public void One_trial_is_its_own_summary_and_none_is_a_bug()
    {
        var trial = Trial(0.5, 3_600_000);
        Assert.Same(trial, CostSummary.AcrossTrials([trial], Node));
        Assert.Throws<ArgumentException>(() => CostSummary.AcrossTrials([], Node));
    }

    [Fact]
    public void The_result_serializes_with_the_contracts_names()
    {
        var json = JsonSerializer.SerializeToElement(Trial(0.5, 3_600_000), ResultJson.Options);
        Assert.Equal("custom", json.GetProperty("node").GetString());
        Assert.Equal("on-demand", json.GetProperty("market").GetString());
        Assert.Equal("max-request-usage", json.GetProperty("allocation").GetString());
        Assert.Equal("requests", json.GetProperty("unit").GetString());
        Assert.Equal(0.0125, json.GetProperty("perMillion").GetDouble(), 12);
        var component = json.GetProperty("components")[0];
        Assert.Equal(["name", "replicas", "cpuCoreHours", "gibHours", "cost"], component.EnumerateObject().Select(p => p.Name).Take(5));
        Assert.True(json.GetProperty("views").TryGetProperty("allocated", out _));
        Assert.True(json.GetProperty("views").TryGetProperty("usage", out _));
        Assert.True(json.GetProperty("views").TryGetProperty("node", out _));
        Assert.Equal(7, json.GetProperty("projection").GetProperty("nodes").GetInt32());
        Assert.StartsWith("custom prices from the experiment", json.GetProperty("assumption").GetString(), StringComparison.Ordinal);
        Assert.Equal("node", JsonSerializer.Serialize(AllocationMode.Node, ResultJson.Options).Trim('"'));
        Assert.Equal("spot", JsonSerializer.Serialize(Market.Spot, ResultJson.Options).Trim('"'));
    }
}
