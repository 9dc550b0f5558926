namespace Assay.Engine.Runtime;

/// <summary>
/// A variant's running components. Disposing stops every instance (gracefully, then forcefully) and
/// removes its cgroups and data; disposing twice is safe.
/// </summary>
public interface IDeployment : IAsyncDisposable
{
    IReadOnlyList<InstanceEndpoint> Instances { get; }

    /// <summary>Completes when an instance exits or stops answering its probe; stays pending while all is well.</summary>
    Task<InstanceFailure> Failure { get; }

    /// <summary>Per-instance CPU and memory, sampled at a fixed interval.</summary>
    IUsageMonitor Usage { get; }
}

/// <summary>Where a running instance listens, and the connection settings (rendered, secrets included) drivers need.</summary>
public sealed record InstanceEndpoint(
    string Component,
    int Replica,
    string Host,
    IReadOnlyDictionary<string, int> Ports,
    IReadOnlyDictionary<string, string> Connection);

/// <summary>Why an instance failed, with the end of its logs.</summary>
public sealed record InstanceFailure(string Component, int Replica, string Message, string LogTail);

/// <summary>A deployment that could not be completed; everything it started has been stopped.</summary>
public sealed class DeploymentFailedException : Exception
{
    public DeploymentFailedException(string component, int replica, string message, string logTail)
        : base(message)
    {
        Component = component;
        Replica = replica;
        LogTail = logTail;
    }

    public DeploymentFailedException()
    {
        Component = "";
        LogTail = "";
    }

    public DeploymentFailedException(string message) : base(message)
    {
        Component = "";
        LogTail = "";
    }

    public DeploymentFailedException(string message, Exception innerException) : base(message, innerException)
    {
        Component = "";
        LogTail = "";
    }

    public string Component { get; }

    public int Replica { get; }

    public string LogTail { get; }
}
