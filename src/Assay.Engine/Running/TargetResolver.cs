using Assay.Core.Plans;
using Assay.Engine.Runtime;

namespace Assay.Engine.Running;

/// <summary>
/// Turns a workload's targets (a component, or a URL, per role) into the endpoints the driver connects
/// to: one per replica, with the entry's protocol as the scheme and its connection settings.
/// </summary>
internal static class TargetResolver
{
    public static IReadOnlyDictionary<string, IReadOnlyList<TargetEndpoint>> Resolve(
        WorkloadPlan workload, VariantPlan variant, IReadOnlyList<InstanceEndpoint> instances) =>
        workload.Targets.ToDictionary(role => role.Key, role => Resolve(role.Value, variant, instances));

    private static IReadOnlyList<TargetEndpoint> Resolve(TargetPlan target, VariantPlan variant, IReadOnlyList<InstanceEndpoint> instances)
    {
        if (target.Url is not null) return [TargetEndpoint.For(target.Url)];
        var component = variant.Components.Single(c => c.Name == target.Component);
        var port = target.Port ?? component.Entry.PrimaryPort;
        return [.. instances
            .Where(i => i.Component == component.Name)
            .OrderBy(i => i.Replica)
            .Select(i => new TargetEndpoint(new Uri($"{component.Entry.Protocol}://{i.Host}:{i.Ports[port]}"), i.Connection))];
    }
}
