namespace Assay.Core.Templates;

/// <summary>
/// The placeholders a catalog entry can use. The runtime supplies their values per instance;
/// validation uses the names to reject a mistyped placeholder before anything starts.
/// </summary>
public static class TemplateVariables
{
    /// <summary>The repository (or installation) root, where <c>apps/</c> and <c>catalog/</c> live.</summary>
    public const string Root = "root";
    /// <summary>The address every component binds to: always 127.0.0.1 on the local runtime.</summary>
    public const string Host = "host";
    /// <summary>The primary port; <c>port.NAME</c> names any declared port.</summary>
    public const string Port = "port";
    /// <summary>The instance's private data folder, removed at teardown.</summary>
    public const string DataDir = "dataDir";
    /// <summary>The instance's folder (logs, rendered configuration); kept with the run.</summary>
    public const string InstanceDir = "instanceDir";
    /// <summary>The component name from the experiment, e.g. <c>web</c>.</summary>
    public const string Component = "component";
    /// <summary>The replica number, from 0.</summary>
    public const string Replica = "replica";
    /// <summary>CPU limit in cores, empty when unset; <c>memoryBytes</c> likewise.</summary>
    public const string Cpus = "cpus";
    public const string MemoryBytes = "memoryBytes";
    /// <summary>The prefix of a port placeholder: <c>${port.http}</c>.</summary>
    public const string PortPrefix = "port.";
    /// <summary>The prefix of an entry parameter placeholder: <c>${param.workers}</c>.</summary>
    public const string ParamPrefix = "param.";

    public static IReadOnlyList<string> Fixed { get; } =
        [Root, Host, Port, DataDir, InstanceDir, Component, Replica, Cpus, MemoryBytes];
}
