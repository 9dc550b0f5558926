using System.Diagnostics;
using Assay.Core.Plans;
using Assay.Core.Templates;
using Assay.Engine.Runtime;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Ledger;
using Assay.Runtimes.Local.Ports;
using Assay.Runtimes.Local.Probes;
using Assay.Runtimes.Local.Processes;
using Microsoft.Extensions.Logging;

namespace Assay.Runtimes.Local.Deployment;

/// <summary>What an instance needs from its surroundings to start.</summary>
internal sealed record InstanceContext(
    string RunId,
    int Trial,
    string Variant,
    string TrialDirectory,
    string Root,
    string? CpuSet,
    IAccountingBackend Accounting,
    RunLedger Ledger,
    ReadinessChecker Checker,
    TimeProvider Time,
    ILogger Logger);

/// <summary>
/// One running replica of a component: its process, its accounting group, its ports and folders.
/// Disposing stops it (the entry's signal, then SIGKILL), empties and removes its group, deletes its
/// data folder and keeps its logs.
/// </summary>
internal sealed class LocalInstance : IAsyncDisposable
{
    private readonly ComponentPlan _component;
    private readonly LocalProcess _process;
    private readonly RunLedger _ledger;
    private readonly string _dataDirectory;
    private readonly ILogger _logger;
    private int _disposed;

    private LocalInstance(ComponentPlan component, int replica, IReadOnlyDictionary<string, int> ports, LocalProcess process, IAccountingGroup group, RunLedger ledger, string dataDirectory, ILogger logger)
    {
        _logger = logger;
        _component = component;
        Replica = replica;
        Ports = ports;
        _process = process;
        Group = group;
        _ledger = ledger;
        _dataDirectory = dataDirectory;
    }

    public string Component => _component.Name;

    public int Replica { get; }

    public IReadOnlyDictionary<string, int> Ports { get; }

    public IAccountingGroup Group { get; }

    public LocalProcess Process => _process;

    public InstanceEndpoint Endpoint => new(Component, Replica, InstanceVariables.Host, Ports);

    /// <summary>Starts one replica and waits until its probe passes; on failure cleans up and throws <see cref="DeploymentFailedException"/>.</summary>
    public static async Task<(LocalInstance Instance, TimeSpan StartupTime)> StartAsync(
        ComponentPlan component, int replica, InstanceContext context, CancellationToken cancellationToken)
    {
        var entry = component.Entry;
        var binary = BinaryLocator.Find(entry.Binary, context.Root)
            ?? throw new DeploymentFailedException(component.Name, replica,
                $"binary '{BinaryLocator.Expand(entry.Binary, context.Root)}' of catalog entry '{entry.Name}' is missing; get it with: {entry.Binary.InstallHint}", "");

        var allocated = FreePorts.Allocate(entry.Ports.Count);
        var ports = entry.Ports.Select((name, i) => (name, port: allocated[i])).ToDictionary(p => p.name, p => p.port);
        var instanceDirectory = Path.Combine(context.TrialDirectory, $"{component.Name}-{replica}");
        var dataDirectory = Path.Combine(instanceDirectory, "data");
        context.Ledger.RecordDirectory(dataDirectory);
        Directory.CreateDirectory(dataDirectory);

        var variables = InstanceVariables.For(component, replica, ports, context.Root, instanceDirectory, dataDirectory);
        foreach (var file in entry.Launch.Files)
            await File.WriteAllTextAsync(Path.Combine(instanceDirectory, file.Path), Template.Render(file.Content, variables), cancellationToken);

        var groupName = $"t{context.Trial}-{context.Variant}-{component.Name}-{replica}";
        var group = context.Accounting.Create(context.RunId, groupName, component.Resources);
        context.Ledger.RecordCgroups(group.Directories);
        var spec = new LaunchSpec(
            binary,
            [.. entry.Launch.Args.Select(a => Template.Render(a, variables))],
            entry.Launch.Environment.ToDictionary(kv => kv.Key, kv => Template.Render(kv.Value, variables)),
            instanceDirectory,
            Path.Combine(instanceDirectory, "stdout.log"),
            Path.Combine(instanceDirectory, "stderr.log"),
            group.ProcsFiles,
            component.Resources.CpuSet ?? context.CpuSet);

        var name = $"{component.Name}-{replica}";
        RuntimeLog.Starting(context.Logger, name, spec.FileName, string.Join(' ', spec.Args),
            string.Join(", ", ports.Select(p => $"{p.Key}={p.Value}")), spec.CpuSet ?? "any", string.Join(", ", group.Directories));
        var started = context.Time.GetTimestamp();
        var process = await LocalProcess.StartAsync(spec, cancellationToken);
        context.Ledger.RecordProcess(process.Identity);
        group.Attach(process.Pid);
        var instance = new LocalInstance(component, replica, ports, process, group, context.Ledger, dataDirectory, context.Logger);
        try
        {
            await instance.WaitUntilReadyAsync(context, cancellationToken);
            var startup = context.Time.GetElapsedTime(started);
            RuntimeLog.Ready(context.Logger, name, process.Pid, startup.TotalMilliseconds);
            return (instance, startup);
        }
        catch (Exception ex)
        {
            RuntimeLog.StartFailed(context.Logger, name, ex.Message);
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>One liveness check during the run: the process is alive and answers its probe.</summary>
    public Task<bool> IsHealthyAsync(ReadinessChecker checker, CancellationToken cancellationToken)
    {
        var probe = _component.Entry.Readiness;
        return _process.HasExited ? Task.FromResult(false) : checker.CheckAsync(probe, InstanceVariables.Host, Ports[probe.Port], cancellationToken);
    }

    public string Describe() => $"{Component}-{Replica} (pid {_process.Pid})";

    public string LogTail() => _process.LogTail();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        var stop = _component.Entry.Stop;
        var stopping = Stopwatch.GetTimestamp();
        var exitCode = await _process.StopAsync(stop.Signal, stop.Grace, CancellationToken.None);
        RuntimeLog.Stopped(_logger, $"{Component}-{Replica}", _process.Pid, stop.Signal,
            exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (would not die)", Stopwatch.GetElapsedTime(stopping).TotalMilliseconds);
        Group.Destroy();
        await _process.DisposeAsync();
        var dataRemoved = TryDelete(_dataDirectory);
        var pid = _process.Pid;
        var groupDirectories = Group.Directories;
        // A folder still held open by a dying child stays in the ledger for the next reap.
        _ledger.Forget(e =>
            (e.Kind == LedgerEntryKind.Process && e.Pid == pid) ||
            (e.Kind == LedgerEntryKind.Directory && e.Path == _dataDirectory && dataRemoved) ||
            (e.Kind == LedgerEntryKind.Cgroup && groupDirectories.Contains(e.Path!) && !Directory.Exists(e.Path)));
    }

    private static bool TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private async Task WaitUntilReadyAsync(InstanceContext context, CancellationToken cancellationToken)
    {
        var probe = _component.Entry.Readiness;
        var port = Ports[probe.Port];
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                var code = await _process.Exited;
                throw Failure($"exited with code {code} before it was ready{PortHint()}");
            }
            if (await context.Checker.CheckAsync(probe, InstanceVariables.Host, port, cancellationToken)) return;
            if (deadline.Elapsed >= probe.Timeout)
            {
                var what = probe.Kind == Core.Catalog.ProbeKind.Http ? $"http://{InstanceVariables.Host}:{port}{probe.Path}" : $"tcp {InstanceVariables.Host}:{port}";
                throw Failure($"was not ready after {Core.Units.DurationText.Format(probe.Timeout)} (probe {what}){PortHint()}");
            }
            await Task.Delay(probe.Interval, context.Time, cancellationToken);
        }
    }

    private DeploymentFailedException Failure(string what) =>
        new(Component, Replica, $"component '{Component}' replica {Replica} ({_component.Entry.Name}) {what}", _process.LogTail());

    private string PortHint()
    {
        var tail = _process.LogTail(40);
        return tail.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || tail.Contains("Address in use", StringComparison.OrdinalIgnoreCase)
            ? "; a port it binds is already in use by another process (see its log below): stop that process, or run again if the port was taken by chance"
            : "";
    }
}
