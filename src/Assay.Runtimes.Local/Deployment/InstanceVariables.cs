using System.Globalization;
using Assay.Core.Plans;
using Assay.Core.Templates;

namespace Assay.Runtimes.Local.Deployment;

/// <summary>The values of a catalog entry's placeholders for one instance.</summary>
internal static class InstanceVariables
{
    public const string Host = "127.0.0.1";

    public static IReadOnlyDictionary<string, string> For(
        ComponentPlan component, int replica, IReadOnlyDictionary<string, int> ports, string root, string instanceDirectory, string dataDirectory)
    {
        var values = new Dictionary<string, string>
        {
            [TemplateVariables.Root] = root,
            [TemplateVariables.Host] = Host,
            [TemplateVariables.Port] = ports[component.Entry.PrimaryPort].ToString(CultureInfo.InvariantCulture),
            [TemplateVariables.DataDir] = dataDirectory,
            [TemplateVariables.InstanceDir] = instanceDirectory,
            [TemplateVariables.Component] = component.Name,
            [TemplateVariables.Replica] = replica.ToString(CultureInfo.InvariantCulture),
            [TemplateVariables.Cpus] = component.Resources.Cpus?.ToString(CultureInfo.InvariantCulture) ?? "",
            [TemplateVariables.MemoryBytes] = component.Resources.MemoryBytes?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
        foreach (var (name, port) in ports)
            values[TemplateVariables.PortPrefix + name] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in component.Entry.Parameters)
            values[TemplateVariables.ParamPrefix + name] = value;
        foreach (var (name, value) in component.Parameters)
            values[TemplateVariables.ParamPrefix + name] = value;
        return values;
    }
}
