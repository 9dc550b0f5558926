using System.Globalization;
using System.Security.Cryptography;
using Assay.Core.Catalog;
using Assay.Core.Plans;
using Assay.Core.Templates;

namespace Assay.Runtimes.Local.Deployment;

/// <summary>Where an instance lives: its folder, its private data folder and its short temp folder.</summary>
internal sealed record InstanceFolders(string Instance, string Data, string Temp);

/// <summary>
/// The values of a catalog entry's placeholders for one instance: fixed ones, ports, parameters, the
/// addresses of linked components, and secrets made for this instance alone.
/// </summary>
internal sealed class InstanceVariables
{
    public const string Host = "127.0.0.1";
    private const string SecretAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly Dictionary<string, string> _values;

    private InstanceVariables(Dictionary<string, string> values, IReadOnlyList<string> secrets)
    {
        _values = values;
        Secrets = secrets;
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The secret values, so logs can hide them.</summary>
    public IReadOnlyList<string> Secrets { get; }

    public static InstanceVariables For(
        ComponentPlan component, int replica, IReadOnlyDictionary<string, int> ports, string root, InstanceFolders folders,
        IReadOnlyDictionary<string, IReadOnlyList<Engine.Runtime.InstanceEndpoint>> links)
    {
        var values = new Dictionary<string, string>
        {
            [TemplateVariables.Root] = root,
            [TemplateVariables.Host] = Host,
            [TemplateVariables.Port] = ports[component.Entry.PrimaryPort].ToString(CultureInfo.InvariantCulture),
            [TemplateVariables.DataDir] = folders.Data,
            [TemplateVariables.InstanceDir] = folders.Instance,
            [TemplateVariables.TmpDir] = folders.Temp,
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
        foreach (var (link, instances) in links)
            AddLink(values, link, instances);

        var secrets = new List<string>();
        foreach (var name in SecretNames(component.Entry))
        {
            var secret = RandomNumberGenerator.GetString(SecretAlphabet, 24);
            values[name] = secret;
            secrets.Add(secret);
        }
        return new InstanceVariables(values, secrets);
    }

    public string Render(string template) => Template.Render(template, _values);

    /// <summary>The text with every secret replaced by <c>***</c>, for logs and error messages.</summary>
    public string Redact(string text)
    {
        foreach (var secret in Secrets) text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }

    private static void AddLink(Dictionary<string, string> values, string link, IReadOnlyList<Engine.Runtime.InstanceEndpoint> instances)
    {
        var prefix = TemplateVariables.LinkPrefix + link + ".";
        var first = instances[0];
        var primary = first.Ports.First();
        values[prefix + "host"] = first.Host;
        values[prefix + "port"] = primary.Value.ToString(CultureInfo.InvariantCulture);
        values[prefix + "url"] = string.Create(CultureInfo.InvariantCulture, $"http://{first.Host}:{primary.Value}");
        foreach (var (name, port) in first.Ports)
            values[prefix + "port." + name] = port.ToString(CultureInfo.InvariantCulture);
        values[prefix + "endpoints"] = string.Join(",", instances.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Host}:{i.Ports.First().Value}")));
    }

    /// <summary>Every <c>${secret.NAME}</c> the entry's templates use.</summary>
    private static IEnumerable<string> SecretNames(CatalogEntry entry)
    {
        var templates = entry.Launch.Args
            .Concat(entry.Launch.Environment.Values)
            .Concat(entry.Launch.Files.Select(f => f.Content))
            .Concat(entry.Connection.Values)
            .Concat(entry.Init.Concat(entry.Setup).SelectMany(c => c.Args.Concat(c.Environment.Values)));
        return templates.SelectMany(Template.Names).Where(n => n.StartsWith(TemplateVariables.SecretPrefix, StringComparison.Ordinal)).Distinct();
    }
}
