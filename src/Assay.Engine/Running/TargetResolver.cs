using Assay.Core.Plans;
using Assay.Engine.Runtime;

namespace Assay.Engine.Running;

/// <summary>Turns a workload's target (a component, or a URL) into the addresses the driver connects to.</summary>
internal static class TargetResolver
{
    public static IReadOnlyList<Uri> Resolve(WorkloadPlan workload, VariantPlan variant, IReadOnlyList<InstanceEndpoint> instances)
    {
        var target = workload switch
        {
            HttpWorkloadPlan http => http.Target,
            _ => throw new NotSupportedException($"The {workload.Driver} driver has no target resolution yet."),
        };
        if (target.Url is not null) return [target.Url];

        var component = variant.Components.Single(c => c.Name == target.Component);
        var port = target.Port ?? component.Entry.PrimaryPort;
        return [.. instances
            .Where(i => i.Component == component.Name)
            .OrderBy(i => i.Replica)
            .Select(i => new Uri($"http://{i.Host}:{i.Ports[port]}"))];
    }
}
