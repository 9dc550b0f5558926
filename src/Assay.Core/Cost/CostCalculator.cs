using Assay.Core.Plans;

namespace Assay.Core.Cost;

/// <summary>
/// Prices one trial as OpenCost would: each instance's core-hours and GiB-hours from its samples, charged at
/// the node's per-resource prices; the whole node for the window, its idle part shared back to the components
/// in proportion to their allocated cost of each resource (OpenCost's computeIdleCoeffs); the chosen view as
/// the total. Pure.
/// </summary>
public static class CostCalculator
{
    public static CostResult Trial(PricedNode node, CostPlan plan, TrialCostInput input)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(input);
        var notes = new List<string>();
        var allocations = input.Instances
            .Select(i => UsageIntegral.Integrate(i, Resources(input, i.Component), input.Window))
            .ToList();
        foreach (var partial in allocations.Where(a => !a.FromSeries))
            notes.Add($"{partial.Component} (replica {partial.Replica}): its samples do not cover the window; its window averages were used");
        var components = allocations
            .GroupBy(a => a.Component, StringComparer.Ordinal)
            .Select(g => Sum(g.Key, [.. g], Resources(input, g.Key)))
            .ToList();

        var rates = node.Rates;
        var shares = IdleShares(node, components, input.Window, notes);
        var views = new CostViews(
            View(components.Sum(c => Cost(rates, c.CpuAllocated, c.MemoryAllocated)), input),
            View(components.Sum(c => Cost(rates, c.CpuUsage, c.MemoryUsage)), input),
            shares is null ? null : View(shares.Total, input),
            shares?.Idle);

        var charged = components.Select(c =>
        {
            var (cpu, memory) = plan.Allocation switch
            {
                AllocationMode.Usage => (c.CpuUsage, c.MemoryUsage),
                AllocationMode.Node when shares is not null => shares.Charged[c.Name],
                _ => (c.CpuAllocated, c.MemoryAllocated),
            };
            return new ComponentCost(c.Name, c.Replicas, cpu, memory, Cost(rates, cpu, memory),
                Efficiency(rates, c), Ratio(c.CpuUsage, c.CpuRequest), Ratio(c.MemoryUsage, c.MemoryRequest));
        }).ToList();

        var chosen = plan.Allocation switch
        {
            AllocationMode.Usage => views.Usage,
            AllocationMode.Node when views.Node is not null => views.Node,
            _ => views.Allocated,
        };
        if (input.Operations <= 0) notes.Add($"no {input.Unit} succeeded in the window: no cost per million");

        CostProjection? projection = null;
        if (plan.Projection is { } target)
        {
            var coresUsed = input.Window.Hours > 0 ? components.Sum(c => c.CpuUsage) / input.Window.Hours : 0;
            var memory = components.Sum(c => c.MemorySized);
            var (projected, reason) = CostProjector.Project(node, target.RatePerSecond, input.Unit, input.Throughput, coresUsed, memory);
            projection = projected;
            if (reason is not null) notes.Add(reason);
        }

        return new CostResult(node.Key, node.Market, plan.Allocation, chosen.Total, chosen.PerMillion, input.Unit, chosen.PerGb,
            charged, views, projection, node.Assumption, input.Window.Seconds, input.Operations, notes);
    }

    private static ResourcePlan Resources(TrialCostInput input, string component) =>
        input.Resources.GetValueOrDefault(component) ?? ResourcePlan.Unlimited;

    private static double Cost(ResourceRates rates, double coreHours, double gibHours) =>
        coreHours * rates.CpuPerCoreHour + gibHours * rates.MemoryPerGiBHour;

    private static CostView View(double total, TrialCostInput input) => new(
        total,
        input.Operations > 0 ? total / input.Operations * 1e6 : null,
        input.IngestedBytes is > 0 ? total / (input.IngestedBytes.Value / 1e9) : null);

    private static double? Ratio(double usage, double? request) => request is > 0 ? usage / request : null;

    /// <summary>Usage ÷ request weighted by each request's cost, over the resources that have a request (Kubecost's formula).</summary>
    private static double? Efficiency(ResourceRates rates, ComponentTotals c)
    {
        double used = 0, requested = 0;
        if (c.CpuRequest is > 0)
        {
            used += c.CpuUsage * rates.CpuPerCoreHour;
            requested += c.CpuRequest.Value * rates.CpuPerCoreHour;
        }
        if (c.MemoryRequest is > 0)
        {
            used += c.MemoryUsage * rates.MemoryPerGiBHour;
            requested += c.MemoryRequest.Value * rates.MemoryPerGiBHour;
        }
        return requested > 0 ? used / requested : null;
    }

    /// <summary>
    /// The whole node over the window, and each component's allocation plus its share of the idle rest of each
    /// resource. Null without a node size.
    /// </summary>
    private static IdleSharing? IdleShares(PricedNode node, IReadOnlyList<ComponentTotals> components, UsageWindow window, List<string> notes)
    {
        if (!node.HasNode) return null;
        var nodeCpu = node.Vcpus!.Value * window.Hours;
        var nodeMemory = node.MemoryGiB!.Value * window.Hours;
        var cpuAllocated = components.Sum(c => c.CpuAllocated);
        var memoryAllocated = components.Sum(c => c.MemoryAllocated);
        // Allocations beyond the node (the lab machine is not the priced node) leave no idle to share; OpenCost
        // would show a negative idle, which reads as a refund.
        var idleCpu = Math.Max(0, nodeCpu - cpuAllocated);
        var idleMemory = Math.Max(0, nodeMemory - memoryAllocated);
        var hours = Math.Max(window.Hours, double.Epsilon);
        if (cpuAllocated > nodeCpu * (1 + 1e-9))
            notes.Add($"the components were allocated {CostText.Number(cpuAllocated / hours)} cores, more than the {CostText.Number(node.Vcpus.Value)} vCPU of {node.Key}: the whole-node view has no idle CPU");
        if (memoryAllocated > nodeMemory * (1 + 1e-9))
            notes.Add($"the components were allocated {CostText.Number(memoryAllocated / hours)} GiB, more than the {CostText.Number(node.MemoryGiB.Value)} GiB of {node.Key}: the whole-node view has no idle memory");

        var charged = new Dictionary<string, (double Cpu, double Memory)>(StringComparer.Ordinal);
        foreach (var c in components)
        {
            // Shares by resource: with one price per core-hour, a share of CPU cost is the same share of core-hours.
            var cpu = c.CpuAllocated + (cpuAllocated > 0 ? idleCpu * c.CpuAllocated / cpuAllocated : 0);
            var memory = c.MemoryAllocated + (memoryAllocated > 0 ? idleMemory * c.MemoryAllocated / memoryAllocated : 0);
            charged[c.Name] = (cpu, memory);
        }
        // Idle of a resource nothing was allocated (no component at all) stays unshared but is still the node's cost.
        var unsharedCpu = cpuAllocated > 0 ? 0 : idleCpu;
        var unsharedMemory = memoryAllocated > 0 ? 0 : idleMemory;
        var total = charged.Values.Sum(v => Cost(node.Rates, v.Cpu, v.Memory)) + Cost(node.Rates, unsharedCpu, unsharedMemory);
        return new IdleSharing(total, Cost(node.Rates, idleCpu, idleMemory), charged);
    }

    private static ComponentTotals Sum(string name, IReadOnlyList<InstanceAllocation> instances, ResourcePlan resources) => new(
        name,
        instances.Count,
        instances.Sum(i => i.CpuUsageCoreHours),
        instances.Sum(i => i.CpuAllocatedCoreHours),
        instances.All(i => i.CpuRequestCoreHours is not null) ? instances.Sum(i => i.CpuRequestCoreHours!.Value) : null,
        instances.Sum(i => i.MemoryUsageGiBHours),
        instances.Sum(i => i.MemoryAllocatedGiBHours),
        instances.All(i => i.MemoryRequestGiBHours is not null) ? instances.Sum(i => i.MemoryRequestGiBHours!.Value) : null,
        instances.Sum(i => Math.Max(i.MemoryPeakGiB, (resources.MemoryBytes ?? 0) / UsageIntegral.BytesPerGiB)));

    /// <summary>A component's instances summed; <see cref="MemorySized"/> is Σ max(request, peak), what sizing must hold.</summary>
    private sealed record ComponentTotals(
        string Name,
        int Replicas,
        double CpuUsage,
        double CpuAllocated,
        double? CpuRequest,
        double MemoryUsage,
        double MemoryAllocated,
        double? MemoryRequest,
        double MemorySized);

    private sealed record IdleSharing(double Total, double Idle, IReadOnlyDictionary<string, (double Cpu, double Memory)> Charged);
}
