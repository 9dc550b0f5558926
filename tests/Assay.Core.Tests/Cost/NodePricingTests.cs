using Assay.Core.Cost;

namespace Assay.Core.Tests.Cost;

public class NodePricingTests
{
    private static readonly PriceSource Listed = new(PriceBasis.Published, "list price", "2025..2026");
    private static readonly SpotRatio Spot = new(0.2105, new PriceSource(PriceBasis.Assumption, "OpenCost spotCPU/CPU", "2025", "spot prices move"));
    private static readonly HomeLabModel N100 = new(180, 0, 3, 12, 0.17);

    private static readonly PriceBook Book = new(
    [
        new NodeType("gcp", "e2-standard-4", "us-central1", 4, 16, 0.134012, Listed,
            new PublishedSplit("e2", new ResourceRates(0.021811, 0.002923), new PriceSource(PriceBasis.Published, "GCP E2 prices", "2025")),
            Spot, null, "gcp.yaml"),
        new NodeType("aws", "m5.large", "us-east-1", 2, 8, 0.096, Listed, null, Spot, null, "aws.yaml"),
        new NodeType("homelab", "n100", "home", 4, 16, HomeLabCost.PerHour(N100), new PriceSource(PriceBasis.Assumption, "REFERENCE §3 example", "2025"),
            null, null, N100, "homelab.yaml"),
    ]);

    [Fact]
    public void A_published_split_is_used_as_published()
    {
        var node = NodePricing.Resolve(Book, new CostPlan("gcp/e2-standard-4")).Node!;
        Assert.Equal(new ResourceRates(0.021811, 0.002923), node.Rates);
        Assert.Equal((0.134012, 4.0, 16.0), (node.PerHour!.Value, node.Vcpus!.Value, node.MemoryGiB!.Value));
        Assert.Equal(
            "gcp/e2-standard-4 (4 vCPU, 16 GiB, us-central1) on-demand $0.134012/h (list price, 2025..2026); "
            + "split published for e2: $0.021811/vCPU-h, $0.002923/GiB-h (GCP E2 prices, 2025)",
            node.Assumption);
    }

    [Fact]
    public void Spot_is_on_demand_times_the_books_ratio_for_the_node_and_both_resources()
    {
        // 0.134012 × 0.2105 = 0.028209526; 0.021811 × 0.2105 = 0.0045912155; 0.002923 × 0.2105 = 0.0006152915.
        var node = NodePricing.Resolve(Book, new CostPlan("gcp/e2-standard-4", Market.Spot)).Node!;
        Assert.Equal(Market.Spot, node.Market);
        Assert.Equal(0.028209526, node.PerHour!.Value, 12);
        Assert.Equal(0.0045912155, node.Rates.CpuPerCoreHour, 12);
        Assert.Equal(0.0006152915, node.Rates.MemoryPerGiBHour, 12);
        Assert.Contains("spot $0.02821/h = on-demand × 0.2105 (OpenCost spotCPU/CPU, 2025; an assumption to verify: spot prices move)", node.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_priced_whole_is_split_as_OpenCost_does()
    {
        var node = NodePricing.Resolve(Book, new CostPlan("aws/m5.large")).Node!;
        Assert.Equal(0.0312471, node.Rates.CpuPerCoreHour, 7);
        Assert.Equal(0.00418822, node.Rates.MemoryPerGiBHour, 8);
        Assert.EndsWith("split as OpenCost does, r = 0.031611/0.004237 = 7.4607: $0.031247/vCPU-h, $0.004188/GiB-h", node.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void A_home_lab_node_says_how_its_price_was_worked_out()
    {
        var node = NodePricing.Resolve(Book, new CostPlan("homelab/n100")).Node!;
        Assert.Equal(0.00888932, node.PerHour!.Value, 8);
        Assert.StartsWith("homelab/n100 (4 vCPU, 16 GiB, home) $0.008889/h = ($180 − $0) / (3 y × 8760 h) + 12 W / 1000 × $0.17/kWh", node.Assumption, StringComparison.Ordinal);
        Assert.Equal(node.PerHour!.Value, node.Rates.NodePerHour(4, 16), 12);
    }

    [Fact]
    public void Custom_prices_are_taken_as_given_and_a_size_makes_them_a_node()
    {
        var sized = CostSamples.Custom();
        Assert.Equal(0.0864, sized.PerHour!.Value, 12);
        Assert.True(sized.HasNode);
        Assert.Equal("custom prices from the experiment: $0.036/vCPU-h, $0.0036/GiB-h; node 2 vCPU, 4 GiB = $0.0864/h", sized.Assumption);
        var unsized = CostSamples.Custom(null, null);
        Assert.False(unsized.HasNode);
        Assert.Null(unsized.PerHour);
    }

    [Theory]
    [InlineData("gcp/e2-standard4", Market.OnDemand, AllocationMode.MaxRequestUsage, "node type 'gcp/e2-standard4' is not in the price book", "did you mean 'gcp/e2-standard-4'?")]
    [InlineData("homelab/n100", Market.Spot, AllocationMode.MaxRequestUsage, "'homelab/n100' has no spot price", "use market: on-demand, or add a spot ratio to homelab.yaml")]
    [InlineData("custom", Market.OnDemand, AllocationMode.MaxRequestUsage, "a custom node needs its prices", null)]
    public void Problems_come_back_as_values_with_a_fix(string key, Market market, AllocationMode allocation, string error, string? hint)
    {
        var resolution = NodePricing.Resolve(Book, new CostPlan(key, market, allocation));
        Assert.Null(resolution.Node);
        Assert.Equal(error, resolution.Error);
        if (hint is not null) Assert.Equal(hint, resolution.Hint);
        else Assert.NotNull(resolution.Hint);
    }

    [Fact]
    public void The_whole_node_view_needs_a_node_size()
    {
        var plan = new CostPlan(CostPlan.CustomNode, Allocation: AllocationMode.Node, Custom: new CustomPrice(0.03, 0.004));
        var resolution = NodePricing.Resolve(Book, plan);
        Assert.Null(resolution.Node);
        Assert.Equal("allocation 'node' needs the node's size", resolution.Error);
    }

    [Fact]
    public void The_keys_include_custom()
    {
        Assert.Equal(["aws/m5.large", "gcp/e2-standard-4", "homelab/n100", "custom"], Book.Keys);
        Assert.Throws<ArgumentException>(() => new PriceBook([Book.Nodes[0], Book.Nodes[0]]));
    }
}
