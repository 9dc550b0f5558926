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
    /// <summary>
    /// A short private folder under /tmp, removed at teardown: for Unix sockets, whose paths the kernel
    /// limits to 107 bytes (a run folder is deeper than that).
    /// </summary>
    public const string TmpDir = "tmpDir";
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
    /// <summary>
    /// The prefix of a secret: <c>${secret.password}</c> is a random value made once per instance, the same
    /// in every template of that instance, never printed (logs show <c>***</c>).
    /// </summary>
    public const string SecretPrefix = "secret.";
    /// <summary>
    /// The prefix of a linked component's address: <c>${link.upstream.host}</c>, <c>${link.upstream.port}</c>
    /// (primary), <c>${link.upstream.port.http}</c>, <c>${link.upstream.url}</c>, and
    /// <c>${link.upstream.endpoints}</c> (every replica's host:port, comma-separated).
    /// </summary>
    public const string LinkPrefix = "link.";

    public static IReadOnlyList<string> Fixed { get; } =
        [Root, Host, Port, DataDir, InstanceDir, TmpDir, Component, Replica, Cpus, MemoryBytes];
}
