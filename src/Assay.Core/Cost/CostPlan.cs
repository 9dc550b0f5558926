namespace Assay.Core.Cost;

/// <summary>Which price applies: the on-demand list price, or the spot price (on-demand × the book's spot ratio).</summary>
public enum Market
{
    OnDemand,
    Spot,
}

/// <summary>
/// What a component is charged for. <see cref="MaxRequestUsage"/> is OpenCost's default: max(request, usage)
/// at every moment, usage alone where no request is declared. <see cref="Usage"/> charges what was used.
/// <see cref="Node"/> charges the whole node: allocations plus the idle rest, shared back as OpenCost does.
/// </summary>
public enum AllocationMode
{
    MaxRequestUsage,
    Usage,
    Node,
}

/// <summary>
/// How to price an experiment (<c>cost:</c> in the experiment file), resolved: the node type by its price book
/// key (<c>gcp/e2-standard-4</c>) or <see cref="CustomNode"/>, the market, the allocation model and an optional
/// target load to project a monthly cost for.
/// </summary>
/// <param name="Custom">The prices of a <c>custom</c> node; required when <see cref="Node"/> is <c>custom</c>, ignored otherwise.</param>
public sealed record CostPlan(
    string Node,
    Market Market = Market.OnDemand,
    AllocationMode Allocation = AllocationMode.MaxRequestUsage,
    ProjectionPlan? Projection = null,
    CustomPrice? Custom = null)
{
    /// <summary>The node key that takes its prices from the experiment instead of the book.</summary>
    public const string CustomNode = "custom";
}

/// <summary>A target load to project a monthly cost for, in the driver's operations per second (<c>rate: 10000/s</c>).</summary>
public sealed record ProjectionPlan(double RatePerSecond);

/// <summary>
/// Prices the user states in the experiment: $ per vCPU-hour and per GiB-hour, and optionally the size of the
/// node they rent, without which there is no whole-node view and the projection counts resources, not nodes.
/// </summary>
public sealed record CustomPrice(double CpuPerVcpuHour, double MemoryPerGiBHour, double? Vcpus = null, double? MemoryGiB = null);
