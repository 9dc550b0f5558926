namespace Assay.Core.Cost;

/// <summary>
/// The prices a run is charged at: per core-hour and per GiB-hour for the chosen market and, when the node's
/// size is known, the node's own hourly price. <see cref="Assumption"/> says where every figure came from, for
/// the report to print beside the costs.
/// </summary>
/// <param name="Key">The price book key (<c>gcp/e2-standard-4</c>) or <c>custom</c>.</param>
/// <param name="PerHour">The whole node's price an hour in this market; null for a custom price without a node size.</param>
/// <param name="Vcpus">The node's vCPUs; null for a custom price without a node size.</param>
/// <param name="MemoryGiB">The node's memory; null for a custom price without a node size.</param>
public sealed record PricedNode(
    string Key,
    Market Market,
    ResourceRates Rates,
    double? PerHour,
    double? Vcpus,
    double? MemoryGiB,
    string Assumption)
{
    /// <summary>True when the node's size and price are known: the whole-node view and node counts need them.</summary>
    public bool HasNode => PerHour is not null && Vcpus is not null && MemoryGiB is not null;
}

/// <summary>Resolving a <see cref="CostPlan"/> against the price book: the priced node, or why it cannot be priced.</summary>
/// <param name="Hint">How to fix <see cref="Error"/>: "did you mean …?" or the keys the book has.</param>
public sealed record PriceResolution(PricedNode? Node, string? Error, string? Hint = null);
