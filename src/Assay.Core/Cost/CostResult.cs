namespace Assay.Core.Cost;

/// <summary>
/// The cost of one trial of a variant (or, from <see cref="CostSummary"/>, the medians across its trials): the
/// total for the measured window under the chosen allocation, per million operations and per GB ingested, each
/// component's share, the three views side by side, a monthly projection and the assumption behind the prices.
/// All money in US dollars.
/// </summary>
/// <param name="Node">The price book key, <c>gcp/e2-standard-4</c>, or <c>custom</c>.</param>
/// <param name="Total">The measured window's cost under <see cref="Allocation"/>.</param>
/// <param name="PerMillion">Total per million succeeded operations; null when none succeeded.</param>
/// <param name="Unit">What an operation is: requests, transactions, messages (the driver's unit).</param>
/// <param name="PerGb">Total per GB (10⁹ bytes) ingested; null unless the driver reported bytes ingested.</param>
/// <param name="Assumption">Where the prices came from, to print beside the figures.</param>
/// <param name="Notes">What the figures cannot show (a series too short, allocations beyond the node), to print too.</param>
public sealed record CostResult(
    string Node,
    Market Market,
    AllocationMode Allocation,
    double Total,
    double? PerMillion,
    string Unit,
    double? PerGb,
    IReadOnlyList<ComponentCost> Components,
    CostViews Views,
    CostProjection? Projection,
    string Assumption,
    double WindowSeconds,
    long Operations,
    IReadOnlyList<string> Notes);

/// <summary>One component (all its replicas) under the chosen allocation.</summary>
/// <param name="CpuCoreHours">Core-hours charged: max(request, usage), usage, or with the node's idle share, by allocation.</param>
/// <param name="GibHours">GiB-hours charged, likewise.</param>
/// <param name="Efficiency">Usage ÷ request, weighted by the requests' cost (Kubecost's definition); null without any request.</param>
/// <param name="CpuEfficiency">CPU usage ÷ CPU request; null without a CPU request.</param>
/// <param name="MemoryEfficiency">Working set ÷ memory request; null without a memory request.</param>
public sealed record ComponentCost(
    string Name,
    int Replicas,
    double CpuCoreHours,
    double GibHours,
    double Cost,
    double? Efficiency,
    double? CpuEfficiency,
    double? MemoryEfficiency);

/// <summary>
/// The window's cost three ways: allocated (max(request, usage)), usage only, and the whole node for the
/// window (null without a node size), whose idle part (node − allocated) is shown too.
/// </summary>
public sealed record CostViews(CostView Allocated, CostView Usage, CostView? Node, double? Idle);

/// <summary>One view's total, per million operations and per GB ingested.</summary>
public sealed record CostView(double Total, double? PerMillion, double? PerGb);

/// <summary>
/// What a month at a target load would cost, from the throughput per core measured, in whole nodes of the
/// chosen type (or in resources for a custom price without a node size). <see cref="Assumptions"/> says how,
/// in sentences a report can print.
/// </summary>
/// <param name="Rate">The target, operations per second.</param>
/// <param name="Throughput">Succeeded operations per second measured.</param>
/// <param name="CoresUsed">The sum of the components' average cores in the window.</param>
/// <param name="MemoryGiB">The components' memory as measured: each one's larger of request and peak working set.</param>
/// <param name="Nodes">Whole nodes needed; null for a custom price without a node size.</param>
/// <param name="Monthly">US dollars for 730 hours.</param>
public sealed record CostProjection(
    double Rate,
    string Unit,
    double Throughput,
    double CoresUsed,
    double ThroughputPerCore,
    double CoresNeeded,
    double MemoryGiB,
    double MemoryGiBNeeded,
    int? Nodes,
    double Monthly,
    IReadOnlyList<string> Assumptions);
