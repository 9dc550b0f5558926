using Assay.Core.Diagnostics;

namespace Assay.Core.Cost;

/// <summary>Turns a cost plan and the price book into the prices a run is charged at. Pure.</summary>
public static class NodePricing
{
    /// <summary>The priced node, or an error (unknown node, spot without a ratio, a custom price missing) as a value.</summary>
    public static PriceResolution Resolve(PriceBook book, CostPlan plan)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(plan);
        PriceResolution resolution;
        if (plan.Node == CostPlan.CustomNode)
        {
            resolution = plan.Custom is null
                ? new(null, "a custom node needs its prices", "write cost: {node: custom, custom: {cpuPerVcpuHour: 0.03, memoryPerGiBHour: 0.004}}")
                : new(Custom(plan.Custom, plan.Market), null);
        }
        else if (book.Find(plan.Node) is not { } node)
        {
            resolution = new(null, $"node type '{plan.Node}' is not in the price book", Suggestions.Hint(plan.Node, book.Keys));
        }
        else if (plan.Market == Market.Spot && node.Spot is null)
        {
            resolution = new(null, $"'{plan.Node}' has no spot price", $"use market: on-demand, or add a spot ratio to {node.SourceFile}");
        }
        else
        {
            resolution = new(Price(node, plan.Market), null);
        }
        if (resolution.Node is { HasNode: false } && plan.Allocation == AllocationMode.Node)
            return new(null, "allocation 'node' needs the node's size", "give the custom node vcpus and memoryGiB, or choose allocation: max-request-usage");
        return resolution;
    }

    /// <summary>A book node's prices in a market; the split is the provider's own when published, else OpenCost's.</summary>
    /// <exception cref="ArgumentException">Spot was asked of a node without a spot ratio (<see cref="Resolve"/> reports that as a value).</exception>
    public static PricedNode Price(NodeType node, Market market)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (market == Market.Spot && node.Spot is null)
            throw new ArgumentException($"Node type '{node.Key}' has no spot ratio; price it on-demand or add spot.ratio to {node.SourceFile}.", nameof(market));
        var factor = market == Market.Spot ? node.Spot!.Ratio : 1;
        var onDemandRates = node.Split?.Rates ?? PriceSplit.OpenCost(node.OnDemandPerHour, node.Vcpus, node.MemoryGiB);
        var rates = onDemandRates.Times(factor);
        var perHour = node.OnDemandPerHour * factor;

        var price = node.HomeLab is { } lab
            ? $"{CostText.Dollars(node.OnDemandPerHour)}/h = {HomeLabCost.Explain(lab)} ({node.Price.Describe()})"
            : $"on-demand {CostText.Dollars(node.OnDemandPerHour)}/h ({node.Price.Describe()})";
        var spot = market == Market.Spot
            ? $"; spot {CostText.Dollars(perHour)}/h = on-demand × {CostText.Number(node.Spot!.Ratio)} ({node.Spot.Source.Describe()})"
            : "";
        var split = node.Split is { } published
            ? $"; split published for {published.Family}: {published.Rates} ({published.Source.Describe()})"
            : $"; split as OpenCost does, r = 0.031611/0.004237 = {CostText.Number(PriceSplit.OpenCostRatio)}: {onDemandRates}";
        var scaled = market == Market.Spot ? $", × {CostText.Number(node.Spot!.Ratio)} for spot: {rates}" : "";
        return new PricedNode(node.Key, market, rates, perHour, node.Vcpus, node.MemoryGiB,
            $"{node.Key} ({node.Size}) {price}{spot}{split}{scaled}");
    }

    private static PricedNode Custom(CustomPrice custom, Market market)
    {
        var rates = new ResourceRates(custom.CpuPerVcpuHour, custom.MemoryPerGiBHour);
        double? perHour = custom is { Vcpus: { } vcpus, MemoryGiB: { } memory } ? rates.NodePerHour(vcpus, memory) : null;
        var node = perHour is { } hourly
            ? $"; node {CostText.Number(custom.Vcpus!.Value)} vCPU, {CostText.Number(custom.MemoryGiB!.Value)} GiB = {CostText.Dollars(hourly)}/h"
            : "; no node size given, so no whole-node view";
        // The user's prices are for the market they chose: a ratio on top would apply a discount twice.
        var marketText = market == Market.Spot ? " (spot, as given)" : "";
        return new PricedNode(CostPlan.CustomNode, market, rates, perHour, custom.Vcpus, custom.MemoryGiB,
            $"custom prices from the experiment{marketText}: {rates}{node}");
    }
}
