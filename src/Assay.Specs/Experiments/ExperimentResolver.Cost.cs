using Assay.Core.Cost;
using Assay.Core.Diagnostics;
using Assay.Specs.Values;

namespace Assay.Specs.Experiments;

public sealed partial class ExperimentResolver
{
    private static readonly Dictionary<string, Market> Markets = new(StringComparer.Ordinal)
    {
        ["on-demand"] = Market.OnDemand,
        ["spot"] = Market.Spot,
    };

    private static readonly Dictionary<string, AllocationMode> Allocations = new(StringComparer.Ordinal)
    {
        ["max-request-usage"] = AllocationMode.MaxRequestUsage,
        ["usage"] = AllocationMode.Usage,
        ["node"] = AllocationMode.Node,
    };

    /// <summary>
    /// <c>spec.cost</c>, priced against the price book now, so an unknown node type or a missing spot ratio is
    /// reported with the file's other mistakes and not after a run.
    /// </summary>
    private PricedCost? Cost(ExperimentSpec spec)
    {
        if (spec.Cost is not { } cost) return null;
        if (cost.Node is null) _values.Required(cost, "node");
        var node = _values.Text(cost.Node);
        var market = cost.Market is null ? Market.OnDemand : Choice(cost.Market, Markets);
        var allocation = cost.Allocation is null ? AllocationMode.MaxRequestUsage : Choice(cost.Allocation, Allocations);
        var projection = Projection(cost.Projection);
        var custom = CustomPrice(cost.Custom);
        if (cost.Custom is not null && node is not null && node != CostPlan.CustomNode)
        {
            _diagnostics.Error(cost.Custom.Location, cost.Custom.FieldPath, $"custom prices apply to node: custom, not to '{node}'",
                $"set node: custom to price the run at them, or remove custom to use the price book's {node}");
            return null;
        }
        if (node is null || market is null || allocation is null || (cost.Projection is not null && projection is null)
            || (cost.Custom is not null && custom is null))
        {
            return null;
        }

        var plan = new CostPlan(node, market.Value, allocation.Value, projection, custom);
        if (_options.Prices is null && node != CostPlan.CustomNode)
        {
            _values.Error(cost.Node!, $"no price book was loaded, so '{node}' cannot be priced",
                "the price book is read from the pricing/ folder of the lab's root; check that it is there, or use node: custom");
            return null;
        }
        var resolution = NodePricing.Resolve(_options.Prices ?? PriceBook.Empty, plan);
        if (resolution.Node is { } priced) return new PricedCost(plan, priced);
        var (path, location) = CostProblemAt(cost, plan);
        _diagnostics.Error(location, path, resolution.Error ?? $"'{node}' cannot be priced", resolution.Hint);
        return null;
    }

    /// <summary>
    /// The field a pricing error is about, by the order <see cref="NodePricing.Resolve"/> checks in: the node (unknown,
    /// or custom without prices), then the market (spot without a ratio), then the allocation (node needs a node size).
    /// </summary>
    private (string Path, SourceLocation Location) CostProblemAt(CostSpec cost, CostPlan plan)
    {
        var known = plan.Node == CostPlan.CustomNode ? plan.Custom is not null : _options.Prices?.Find(plan.Node) is not null;
        var spotless = plan.Node != CostPlan.CustomNode && plan.Market == Market.Spot && _options.Prices?.Find(plan.Node)?.Spot is null;
        Scalar? where = !known ? cost.Node : spotless ? cost.Market : cost.Allocation;
        if (where is not null) return (where.FieldPath, where.Location);
        // The field the problem is about was left to its default (allocation: node cannot be a default; market spot cannot).
        return (FieldPath.Child(cost.FieldPath, "node"), cost.Location);
    }

    private ProjectionPlan? Projection(ProjectionSpec? projection)
    {
        if (projection is null) return null;
        if (projection.Rate is null) _values.Required(projection, "rate");
        return _values.RatePerSecond(projection.Rate) is { } rate ? new ProjectionPlan(rate) : null;
    }

    private CustomPrice? CustomPrice(CustomPriceSpec? custom)
    {
        if (custom is null) return null;
        if (custom.CpuPerVcpuHour is null) _values.Required(custom, "cpuPerVcpuHour");
        if (custom.MemoryPerGiBHour is null) _values.Required(custom, "memoryPerGiBHour");
        var cpu = _values.Number(custom.CpuPerVcpuHour, 0, exclusiveMin: false);
        var memory = _values.Number(custom.MemoryPerGiBHour, 0, exclusiveMin: false);
        var vcpus = _values.Number(custom.Vcpus, 0, exclusiveMin: true);
        var memoryGiB = _values.Number(custom.MemoryGiB, 0, exclusiveMin: true);
        // A node size is both numbers or neither: half of it prices no node.
        if ((custom.Vcpus is null) != (custom.MemoryGiB is null))
        {
            var missing = custom.Vcpus is null ? "vcpus" : "memoryGiB";
            _diagnostics.Error(custom.Location, FieldPath.Child(custom.FieldPath, missing), $"the node's size needs {missing} too",
                "give both vcpus and memoryGiB, e.g. {vcpus: 4, memoryGiB: 16}, or neither (then there is no whole-node view)");
            return null;
        }
        if (cpu is null || memory is null || (custom.Vcpus is not null && (vcpus is null || memoryGiB is null))) return null;
        return new CustomPrice(cpu.Value, memory.Value, vcpus, memoryGiB);
    }

    private T? Choice<T>(Scalar scalar, Dictionary<string, T> choices) where T : struct =>
        _values.OneOf(scalar, choices.Keys) is { } chosen ? choices[chosen] : null;

    private sealed record PricedCost(CostPlan Plan, PricedNode Pricing);
}
