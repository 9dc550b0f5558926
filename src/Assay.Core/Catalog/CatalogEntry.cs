namespace Assay.Core.Catalog;

/// <summary>
/// One deployable thing from <c>catalog/</c>: how to find its binary, start it on the ports the runtime
/// chose, probe its readiness, read its metrics and stop it. Strings may hold <c>${…}</c> placeholders
/// that the runtime fills per instance (see <see cref="Templates.TemplateVariables"/>).
/// </summary>
/// <param name="Protocol">What drivers speak to it on its primary port (<c>http</c>, <c>postgresql</c>, <c>redis</c>…);
/// it is the scheme of the endpoints a driver receives and decides which drivers may target it.</param>
/// <param name="Init">Commands run before the start, in order, each to exit 0 (initdb, say).</param>
/// <param name="Setup">Commands run once the instance is ready, each to exit 0 (creating a user, say).</param>
/// <param name="Connection">Settings a driver needs to connect (user, password, database…), as templates.</param>
/// <param name="Links">Names of other components this entry's templates refer to (<c>${link.NAME.…}</c>).</param>
public sealed record CatalogEntry(
    string Name,
    string Description,
    string Protocol,
    BinaryRequirement Binary,
    IReadOnlyList<string> Ports,
    LaunchTemplate Launch,
    IReadOnlyList<CommandTemplate> Init,
    IReadOnlyList<CommandTemplate> Setup,
    ReadinessProbe Readiness,
    MetricsEndpoint? Metrics,
    StopPolicy Stop,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Connection,
    IReadOnlyList<string> Links,
    string SourceFile)
{
    public const string DefaultProtocol = "http";

    /// <summary>The port named first; targets without a port name use it.</summary>
    public string PrimaryPort => Ports[0];
}

/// <summary>
/// The executable an entry runs. <see cref="Command"/> is an absolute path (after templating) or a name
/// looked up on PATH and in <see cref="SearchPaths"/>. Exactly one of <see cref="DebianPackage"/> and
/// <see cref="BuildProject"/> says how to get it when missing.
/// </summary>
public sealed record BinaryRequirement(
    string Command,
    IReadOnlyList<string> SearchPaths,
    string? DebianPackage,
    string? BuildProject,
    IReadOnlyList<string> VersionArgs)
{
    /// <summary>The command a user runs to get the binary, for error messages.</summary>
    public string InstallHint => DebianPackage is not null
        ? $"apt-get install -y {DebianPackage}"
        : BuildProject is not null
            ? $"dotnet build {BuildProject} -c Release"
            : "install it and make sure it is on PATH";
}

/// <summary>Arguments, environment and configuration files of a started instance, as templates.</summary>
/// <param name="RunAs">The system user the instance (and its init and setup commands) runs as, for servers
/// that refuse root (PostgreSQL, MariaDB, memcached); null = as the lab. Its data folder is given to that user.</param>
public sealed record LaunchTemplate(
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ConfigFileTemplate> Files,
    string? RunAs = null);

/// <summary>A command run to completion around an instance's start: a program (name or path), its arguments and environment, as templates.</summary>
public sealed record CommandTemplate(string Command, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Environment, TimeSpan Timeout);

/// <summary>A file rendered into the instance's folder before start, e.g. <c>nginx.conf</c>.</summary>
public sealed record ConfigFileTemplate(string Path, string Content);

public enum ProbeKind
{
    Http,
    Tcp,
}

/// <summary>How to tell an instance is ready: an HTTP GET answering 2xx, or a TCP connect, before the deadline.</summary>
public sealed record ReadinessProbe(ProbeKind Kind, string Port, string? Path, TimeSpan Timeout, TimeSpan Interval);

/// <summary>Where an instance serves Prometheus metrics.</summary>
public sealed record MetricsEndpoint(string Port, string Path);

/// <summary>How to stop an instance: this signal first, SIGKILL after the grace period.</summary>
public sealed record StopPolicy(int Signal, TimeSpan Grace)
{
    public const int SigTerm = 15;
    public const int SigInt = 2;
    public const int SigQuit = 3;

    public static StopPolicy Default { get; } = new(SigTerm, TimeSpan.FromSeconds(5));
}
