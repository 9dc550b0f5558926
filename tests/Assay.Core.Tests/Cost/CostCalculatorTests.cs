using Assay.Core.Cost;
using Assay.Core.Plans;

namespace Assay.Core.Tests.Cost;

public class CostCalculatorTests
{
    private static readonly PricedNode Node = CostSamples.Custom();

    private static CostResult Price(AllocationMode allocation, TrialCostInput? input = null, ProjectionPlan? projection = null) =>
        CostCalculator.Trial(Node, new CostPlan(CostPlan.CustomNode, Allocation: allocation, Projection: projection), input ?? CostSamples.TwoComponents());

    [Fact]
    public void The_three_views_are_worked_out_side_by_side()
    {
        // Allocated: web 0.5 core-h × 0.036 + 1.5 GiB-h × 0.0036 = 0.0234; cache max(0.5, 0.25) and max(1, 0.5): 0.018 + 0.0036 = 0.0216.
        // Usage: web 0.0234; cache 0.25 × 0.036 + 0.5 × 0.0036 = 0.0108. Node: 2 × 0.036 + 4 × 0.0036 = 0.0864 for the hour.
        var cost = Price(AllocationMode.MaxRequestUsage);
        Assert.Equal(0.045, cost.Views.Allocated.Total, 12);
        Assert.Equal(0.0342, cost.Views.Usage.Total, 12);
        Assert.Equal(0.0864, cost.Views.Node!.Total, 12);
        // Idle = node − allocated: 1 core-h × 0.036 + 1.5 GiB-h × 0.0036 = 0.0414.
        Assert.Equal(0.0414, cost.Views.Idle!.Value, 12);
        // Per million of 3.6 M requests: 0.045 / 3.6 = 0.0125, 0.0342 / 3.6 = 0.0095, 0.0864 / 3.6 = 0.024.
        Assert.Equal(0.0125, cost.Views.Allocated.PerMillion!.Value, 12);
        Assert.Equal(0.0095, cost.Views.Usage.PerMillion!.Value, 12);
        Assert.Equal(0.024, cost.Views.Node.PerMillion!.Value, 12);
        Assert.Equal((0.045, 0.0125), (Math.Round(cost.Total, 12), Math.Round(cost.PerMillion!.Value, 12)));
        Assert.Equal(("requests", 3_600_000L, 3600.0), (cost.Unit, cost.Operations, cost.WindowSeconds));
        Assert.Null(cost.PerGb);
        Assert.Empty(cost.Notes);
    }

    [Fact]
    public void Components_are_charged_max_request_usage_with_their_efficiency()
    {
        var cost = Price(AllocationMode.MaxRequestUsage);
        var web = cost.Components.Single(c => c.Name == "web");
        var cache = cost.Components.Single(c => c.Name == "cache");
        Assert.Equal((0.5, 1.5, 0.0234), (web.CpuCoreHours, web.GibHours, Math.Round(web.Cost, 12)));
        Assert.Equal((0.5, 1.0, 0.0216), (cache.CpuCoreHours, cache.GibHours, Math.Round(cache.Cost, 12)));
        // No request, no efficiency; the cache used half of each request: 0.25/0.5 and 0.5/1, so 0.5 cost-weighted too.
        Assert.Equal((null, null, null), (web.Efficiency, web.CpuEfficiency, web.MemoryEfficiency));
        Assert.Equal(0.5, cache.CpuEfficiency!.Value, 12);
        Assert.Equal(0.5, cache.MemoryEfficiency!.Value, 12);
        Assert.Equal(0.5, cache.Efficiency!.Value, 12);
    }

    [Fact]
    public void Efficiency_weighs_each_resource_by_its_request_cost()
    {
        // Stepped series, request 0.5 cores and 1 GiB, over 30 s: CPU 21/15 = 1.4, memory 35/30;
        // weighted: (21 × 0.036 + 35 × 0.0036) / (15 × 0.036 + 30 × 0.0036) = 0.882 / 0.648 = 1.361111.
        var input = new TrialCostInput([CostSamples.Stepped()], new Dictionary<string, ResourcePlan> { ["db"] = CostSamples.Request(0.5, 1) },
            new UsageWindow(10, 40), "transactions", 3000, 100);
        var db = Assert.Single(Price(AllocationMode.MaxRequestUsage, input).Components);
        Assert.Equal(1.4, db.CpuEfficiency!.Value, 12);
        Assert.Equal(35.0 / 30, db.MemoryEfficiency!.Value, 12);
        Assert.Equal(0.882 / 0.648, db.Efficiency!.Value, 12);
        // 23 core-s × 0.036 + 37.5 GiB-s × 0.0036, per hour: 0.00023 + 0.0000375 = 0.0002675.
        Assert.Equal(0.0002675, db.Cost, 12);
    }

    [Fact]
    public void The_node_view_shares_idle_back_by_each_resources_allocation()
    {
        // Idle CPU 1 core-h shared 0.5 : 0.5; idle memory 1.5 GiB-h shared 1.5 : 1 (0.9 and 0.6 GiB-h).
        // web: 1.0 × 0.036 + 2.4 × 0.0036 = 0.04464; cache: 1.0 × 0.036 + 1.6 × 0.0036 = 0.04176; together the node, 0.0864.
        var cost = Price(AllocationMode.Node);
        var web = cost.Components.Single(c => c.Name == "web");
        var cache = cost.Components.Single(c => c.Name == "cache");
        Assert.Equal((1.0, 2.4), (Math.Round(web.CpuCoreHours, 12), Math.Round(web.GibHours, 12)));
        Assert.Equal((1.0, 1.6), (Math.Round(cache.CpuCoreHours, 12), Math.Round(cache.GibHours, 12)));
        Assert.Equal(0.04464, web.Cost, 12);
        Assert.Equal(0.04176, cache.Cost, 12);
        Assert.Equal(0.0864, cost.Total, 12);
        Assert.Equal(cost.Total, cost.Components.Sum(c => c.Cost), 12);
        Assert.Equal(AllocationMode.Node, cost.Allocation);
    }

    [Fact]
    public void Usage_mode_charges_only_what_was_used()
    {
        var cost = Price(AllocationMode.Usage);
        var cache = cost.Components.Single(c => c.Name == "cache");
        Assert.Equal((0.25, 0.5), (cache.CpuCoreHours, cache.GibHours));
        Assert.Equal(0.0342, cost.Total, 12);
        Assert.Equal(0.0095, cost.PerMillion!.Value, 12);
    }

    [Fact]
    public void Cost_per_GB_ingested_needs_the_bytes()
    {
        // 5 GB ingested: 0.045 / 5 = 0.009 allocated, 0.0864 / 5 = 0.01728 for the node.
        var cost = Price(AllocationMode.MaxRequestUsage, CostSamples.TwoComponents(ingestedBytes: 5e9));
        Assert.Equal(0.009, cost.PerGb!.Value, 12);
        Assert.Equal(0.01728, cost.Views.Node!.PerGb!.Value, 12);
    }

    [Fact]
    public void Replicas_of_a_component_add_up()
    {
        var input = CostSamples.TwoComponents() with
        {
            Instances = [CostSamples.Steady("web", 0.5, 1.5, 0), CostSamples.Steady("web", 0.5, 1.5, 1), CostSamples.Steady("cache", 0.25, 0.5)],
        };
        var web = Price(AllocationMode.MaxRequestUsage, input).Components.Single(c => c.Name == "web");
        Assert.Equal((2, 1.0, 3.0), (web.Replicas, web.CpuCoreHours, web.GibHours));
    }

    [Fact]
    public void Allocations_beyond_the_node_leave_no_idle_and_say_so()
    {
        var input = CostSamples.TwoComponents() with { Instances = [CostSamples.Steady("web", 3, 1.5), CostSamples.Steady("cache", 0.25, 0.5)] };
        var cost = Price(AllocationMode.Node, input);
        // CPU: 3 + 0.5 core-h allocated on a 2 vCPU node: no idle CPU; memory idle 1.5 GiB-h = 0.0054.
        Assert.Equal(0.0054, cost.Views.Idle!.Value, 12);
        Assert.Equal(cost.Views.Allocated.Total + 0.0054, cost.Views.Node!.Total, 12);
        Assert.Contains(cost.Notes, n => n == "the components were allocated 3.5 cores, more than the 2 vCPU of custom: the whole-node view has no idle CPU");
    }

    [Fact]
    public void Without_a_node_size_there_is_no_node_view()
    {
        var cost = CostCalculator.Trial(CostSamples.Custom(null, null), new CostPlan(CostPlan.CustomNode), CostSamples.TwoComponents());
        Assert.Null(cost.Views.Node);
        Assert.Null(cost.Views.Idle);
        Assert.Equal(0.045, cost.Total, 12);
    }

    [Fact]
    public void No_succeeded_operations_means_no_cost_per_million()
    {
        var cost = Price(AllocationMode.MaxRequestUsage, CostSamples.TwoComponents() with { Operations = 0, Throughput = 0 }, new ProjectionPlan(100));
        Assert.Null(cost.PerMillion);
        Assert.Null(cost.Projection);
        Assert.Contains("no requests succeeded in the window: no cost per million", cost.Notes);
        Assert.Contains("no monthly projection: no requests succeeded, so there is no throughput to scale", cost.Notes);
    }

    [Fact]
    public void The_trial_projection_uses_average_cores_and_sized_memory()
    {
        // 1000/s on 0.5 + 0.25 cores; memory max(0, 1.5) + max(1, 0.5) = 2.5 GiB; 10 copies for 10000/s:
        // ⌈max(7.5 / 2, 25 / 4)⌉ = ⌈6.25⌉ = 7 nodes × 0.0864 × 730 = 441.504.
        var projection = Price(AllocationMode.MaxRequestUsage, projection: new ProjectionPlan(10_000)).Projection!;
        Assert.Equal((0.75, 2.5, 7), (Math.Round(projection.CoresUsed, 12), Math.Round(projection.MemoryGiB, 12), projection.Nodes));
        Assert.Equal(441.504, projection.Monthly, 9);
    }
}
