namespace Assay.Core.Cost;

/// <summary>
/// Projects a month at a target load from a measured run: throughput per core = throughput ÷ cores used;
/// cores needed = rate ÷ that; memory grows with the copies of the measured deployment the rate needs
/// (rate ÷ throughput, at least one); whole nodes = ⌈max(cores ÷ node vCPUs, memory ÷ node memory)⌉;
/// monthly = nodes × node $/h × 730 h. Pure.
/// </summary>
public static class CostProjector
{
    /// <summary>Hours in the month cloud providers bill by: 8760 / 12.</summary>
    public const double HoursPerMonth = 730;

    /// <summary>The projection, or null and the reason it cannot be made (nothing measured to scale from).</summary>
    /// <param name="throughput">Succeeded operations per second measured.</param>
    /// <param name="coresUsed">The components' average cores, summed.</param>
    /// <param name="memoryGiB">The components' memory: each instance's larger of its request and its peak working set, summed.</param>
    public static (CostProjection? Projection, string? Reason) Project(
        PricedNode node, double rate, string unit, double throughput, double coresUsed, double memoryGiB)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (throughput <= 0) return (null, $"no monthly projection: no {unit} succeeded, so there is no throughput to scale");
        if (coresUsed <= 0) return (null, "no monthly projection: the components used no measurable CPU");

        var perCore = throughput / coresUsed;
        var coresNeeded = rate / perCore;
        var copies = Math.Max(1, rate / throughput);
        var memoryNeeded = memoryGiB * copies;
        var assumptions = new List<string>
        {
            $"throughput grows linearly with cores: {CostText.Number(perCore)} {unit}/s per core measured "
                + $"({CostText.Number(throughput)} {unit}/s on {CostText.Number(coresUsed)} cores, the sum of the components' average cores; the load generator is not counted)",
            $"cores needed = {CostText.Number(rate)}/s ÷ {CostText.Number(perCore)}/s per core = {CostText.Number(coresNeeded)}",
            $"memory grows with the copies of the measured deployment the rate needs ({CostText.Number(rate)} ÷ {CostText.Number(throughput)}, at least 1 = {CostText.Number(copies)}): "
                + $"{CostText.Number(memoryGiB)} GiB × {CostText.Number(copies)} = {CostText.Number(memoryNeeded)} GiB (each component's larger of its request and its peak working set)",
        };

        int? nodes = null;
        double monthly;
        if (node.HasNode)
        {
            var (vcpus, memory, perHour) = (node.Vcpus!.Value, node.MemoryGiB!.Value, node.PerHour!.Value);
            // Rounded before the ceiling so that 2.0000000000000004 nodes (floating-point noise) is 2, not 3.
            var exact = Math.Max(coresNeeded / vcpus, memoryNeeded / memory);
            nodes = Math.Max(1, (int)Math.Ceiling(Math.Round(exact, 9)));
            monthly = nodes.Value * perHour * HoursPerMonth;
            assumptions.Add($"whole {node.Key} nodes ({CostText.Number(vcpus)} vCPU, {CostText.Number(memory)} GiB), packed with no system reserve or headroom: "
                + $"⌈max({CostText.Number(coresNeeded)} ÷ {CostText.Number(vcpus)}, {CostText.Number(memoryNeeded)} ÷ {CostText.Number(memory)})⌉ = {nodes} node{(nodes == 1 ? "" : "s")}");
            assumptions.Add($"{HoursPerMonth} hours a month (8760 ÷ 12) at {CostText.Dollars(perHour)}/h ({Market(node)}): "
                + $"{nodes} × {CostText.Dollars(perHour)} × {HoursPerMonth} = {CostText.Dollars(monthly)}");
        }
        else
        {
            var perHour = coresNeeded * node.Rates.CpuPerCoreHour + memoryNeeded * node.Rates.MemoryPerGiBHour;
            monthly = perHour * HoursPerMonth;
            assumptions.Add($"billed per resource (no node size given): ({CostText.Number(coresNeeded)} × {CostText.Dollars(node.Rates.CpuPerCoreHour)} "
                + $"+ {CostText.Number(memoryNeeded)} × {CostText.Dollars(node.Rates.MemoryPerGiBHour)}) × {HoursPerMonth} h = {CostText.Dollars(monthly)}");
        }
        return (new CostProjection(rate, unit, throughput, coresUsed, perCore, coresNeeded, memoryGiB, memoryNeeded, nodes, monthly, assumptions), null);
    }

    private static string Market(PricedNode node) => node.Market == Cost.Market.Spot ? "spot" : "on-demand";
}
