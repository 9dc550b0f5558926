using Assay.Core.Cost;
using Assay.Specs.Experiments;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests.Evidence;

/// <summary><c>spec.cost</c>: parsed, defaulted and priced against the shipped price book while the file is resolved.</summary>
public class CostSpecTests
{
    private const string Cost = """
          cost:
            node: gcp/e2-standard-4
            market: on-demand
            allocation: usage
            projection: {rate: 10000/s}
        """;

    [Fact]
    public void The_cost_and_its_prices_resolve_into_the_plan()
    {
        var plan = Plan(EvidenceFixture.Yaml);
        Assert.Equal(new CostPlan("gcp/e2-standard-4", Market.OnDemand, AllocationMode.Usage, new ProjectionPlan(10_000)), plan.Cost);
        var priced = plan.Pricing!;
        Assert.Equal(("gcp/e2-standard-4", Market.OnDemand, 4.0, 16.0), (priced.Key, priced.Market, priced.Vcpus, priced.MemoryGiB));
        Assert.Equal(0.134012, priced.PerHour!.Value, 6);
        Assert.Contains("gcp/e2-standard-4", priced.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void Market_and_allocation_default_to_on_demand_and_max_request_usage()
    {
        var plan = Plan(EvidenceFixture.With(Cost, "  cost: {node: aws/m5.large}\n"));
        Assert.Equal(new CostPlan("aws/m5.large"), plan.Cost);
        Assert.Equal((Market.OnDemand, AllocationMode.MaxRequestUsage), (plan.Cost!.Market, plan.Cost.Allocation));
        Assert.Null(plan.Cost.Projection);
        Assert.Equal(0.096, plan.Pricing!.PerHour!.Value, 6);
    }

    [Fact]
    public void Spot_is_priced_at_the_book_s_ratio()
    {
        var plan = Plan(EvidenceFixture.With("market: on-demand", "market: spot"));
        Assert.Equal(Market.Spot, plan.Pricing!.Market);
        Assert.True(plan.Pricing.PerHour < 0.134012);
    }

    [Fact]
    public void A_custom_node_takes_its_prices_from_the_file()
    {
        var plan = Plan(EvidenceFixture.With(Cost, """
              cost:
                node: custom
                allocation: node
                custom: {cpuPerVcpuHour: 0.03, memoryPerGiBHour: 0.004, vcpus: 2, memoryGiB: 8}

            """));
        Assert.Equal(new CostPlan("custom", Market.OnDemand, AllocationMode.Node, null, new CustomPrice(0.03, 0.004, 2, 8)), plan.Cost);
        Assert.Equal(0.092, plan.Pricing!.PerHour!.Value, 6);
    }

    [Fact]
    public void Without_a_cost_nothing_is_priced()
    {
        var plan = Plan(Minimal);
        Assert.Null(plan.Cost);
        Assert.Null(plan.Pricing);
    }

    [Fact]
    public void A_node_type_not_in_the_book_suggests_the_close_one()
    {
        var error = Error(Load(EvidenceFixture.With("node: gcp/e2-standard-4", "node: gcp/e2-standrd-4")), "spec.cost.node",
            "node type 'gcp/e2-standrd-4' is not in the price book");
        Assert.Equal("did you mean 'gcp/e2-standard-4'?", error.Hint);
        At(error, 27, 11);
    }

    [Fact]
    public void A_node_type_nothing_like_the_book_lists_its_keys()
    {
        var error = Error(Load(EvidenceFixture.With("node: gcp/e2-standard-4", "node: oracle/vm")), "spec.cost.node", "is not in the price book");
        Assert.StartsWith("allowed: aws/", error.Hint, StringComparison.Ordinal);
        Assert.Contains("gcp/e2-standard-4", error.Hint, StringComparison.Ordinal);
        Assert.EndsWith(", custom", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Spot_on_a_machine_without_a_spot_market_is_an_error_at_the_market()
    {
        var outcome = Load(EvidenceFixture.With("node: gcp/e2-standard-4\n    market: on-demand", "node: homelab/n100\n    market: spot"));
        var error = Error(outcome, "spec.cost.market", "'homelab/n100' has no spot price");
        Assert.StartsWith("use market: on-demand", error.Hint, StringComparison.Ordinal);
        At(error, 28, 13);
    }

    [Theory]
    [InlineData("market: on-demand", "market: spto", "spec.cost.market", "'spto' is not one of on-demand, spot", "did you mean 'spot'?")]
    [InlineData("allocation: usage", "allocation: nod", "spec.cost.allocation", "'nod' is not one of max-request-usage, usage, node", "did you mean 'node'?")]
    [InlineData("{rate: 10000/s}", "{rate: fast}", "spec.cost.projection.rate", "expected a number of requests per second, got 'fast'", "write a number or a rate, e.g. rate: 200 or rate: 200/s")]
    [InlineData("{rate: 10000/s}", "{}", "spec.cost.projection.rate", "required field is missing", "e.g. rate: 10000/s")]
    [InlineData("    node: gcp/e2-standard-4\n", "", "spec.cost.node", "required field is missing", "e.g. node: gcp/e2-standard-4")]
    [InlineData("node: gcp/e2-standard-4", "node: custom", "spec.cost.node", "a custom node needs its prices", "write cost: {node: custom, custom: {cpuPerVcpuHour: 0.03, memoryPerGiBHour: 0.004}}")]
    public void Each_mistake_is_reported_at_its_field_with_a_hint(string piece, string replacement, string path, string message, string hint)
    {
        var error = Error(Load(EvidenceFixture.With(piece, replacement)), path, message);
        Assert.Equal(hint, error.Hint);
        Assert.Equal(Fixtures.File, error.Location!.File);
    }

    [Fact]
    public void Custom_prices_mistakes_are_reported_at_once()
    {
        var outcome = Load(EvidenceFixture.With(Cost, """
              cost:
                node: custom
                allocation: node
                custom: {memoryPerGiBHour: -1, vcpus: 2}

            """));
        Error(outcome, "spec.cost.custom.cpuPerVcpuHour", "required field is missing");
        Error(outcome, "spec.cost.custom.memoryPerGiBHour", "must be at least 0, got -1");
        var size = Error(outcome, "spec.cost.custom.memoryGiB", "the node's size needs memoryGiB too");
        Assert.StartsWith("give both vcpus and memoryGiB", size.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_node_view_of_a_custom_price_needs_the_node_s_size()
    {
        var outcome = Load(EvidenceFixture.With(Cost, """
              cost:
                node: custom
                allocation: node
                custom: {cpuPerVcpuHour: 0.03, memoryPerGiBHour: 0.004}

            """));
        var error = Error(outcome, "spec.cost.allocation", "allocation 'node' needs the node's size");
        Assert.StartsWith("give the custom node vcpus and memoryGiB", error.Hint, StringComparison.Ordinal);
        At(error, 28, 17);
    }

    [Fact]
    public void Custom_prices_on_a_book_node_are_a_mistake()
    {
        var outcome = Load(EvidenceFixture.With("    allocation: usage\n", "    allocation: usage\n    custom: {cpuPerVcpuHour: 0.03, memoryPerGiBHour: 0.004}\n"));
        var error = Error(outcome, "spec.cost.custom", "custom prices apply to node: custom, not to 'gcp/e2-standard-4'");
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void Without_a_price_book_a_book_node_cannot_be_priced_but_a_custom_one_can()
    {
        var none = ExperimentLoader.LoadText(Fixtures.File, EvidenceFixture.Yaml, ResolveOptions.None, Fixtures.Catalog);
        var error = Error(none, "spec.cost.node", "no price book was loaded, so 'gcp/e2-standard-4' cannot be priced");
        Assert.Contains("pricing/", error.Hint, StringComparison.Ordinal);

        var custom = EvidenceFixture.With(Cost, "  cost: {node: custom, custom: {cpuPerVcpuHour: 0.03, memoryPerGiBHour: 0.004}}\n");
        Assert.NotNull(ExperimentLoader.LoadText(Fixtures.File, custom, ResolveOptions.None, Fixtures.Catalog).Value?.Pricing);
    }

    [Fact]
    public void Validation_checks_the_node_against_the_price_book_too()
    {
        var outcome = Validate(EvidenceFixture.With("node: gcp/e2-standard-4", "node: gcp/e2-standrd-4"));
        Assert.Contains(outcome.Errors, d => d.FieldPath == "spec.cost.node");
    }
}
