using Microsoft.Extensions.Logging;

namespace Assay.Runtimes.Local;

/// <summary>What the local runtime writes to the run's log: every process it starts and how it ended.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Instance}: {Command} {Arguments} (ports {Ports}, cpus {CpuSet}, groups {Groups})")]
    public static partial void Starting(ILogger logger, string instance, string command, string arguments, string ports, string cpuSet, string groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Instance} is ready: pid {Pid}, {Milliseconds:0} ms after start")]
    public static partial void Ready(ILogger logger, string instance, int pid, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Instance} failed to start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string instance, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped {Instance} (pid {Pid}) with signal {Signal}: exit code {ExitCode}, {Milliseconds:0} ms")]
    public static partial void Stopped(ILogger logger, string instance, int pid, int signal, string exitCode, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Instance}: {Failure}")]
    public static partial void InstanceFailed(ILogger logger, string instance, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Load generator started: pid {Pid}, cpus {CpuSet}, request {Request}")]
    public static partial void LoadGeneratorStarted(ILogger logger, int pid, string cpuSet, string request);

    [LoggerMessage(Level = LogLevel.Information, Message = "Load generator ended: exit code {ExitCode}, result {HasResult}")]
    public static partial void LoadGeneratorEnded(ILogger logger, string exitCode, bool hasResult);
}
