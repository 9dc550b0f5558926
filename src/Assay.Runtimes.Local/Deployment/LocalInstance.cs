using System.Diagnostics;
using Assay.Core.Plans;
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
/// data and temp folders and keeps its logs and rendered configuration.
/// </summary>
internal sealed class LocalInstance : IAsyncDisposable
{
    private readonly ComponentPlan _component;
    private readonly LocalProcess _process;
    private readonly RunLedger _ledger;
    private readonly InstanceFolders _folders;
    private readonly InstanceVariables _variables;
    private readonly ILogger _logger;
    private int _disposed;

    private LocalInstance(
        ComponentPlan component, int replica, IReadOnlyDictionary<string, int> ports, LocalProcess process, IAccountingGroup group,
        RunLedger ledger, InstanceFolders folders, InstanceVariables variables, ILogger logger)
    {
        _logger = logger;
        _component = component;
        Replica = replica;
        Ports = ports;
        _process = process;
        Group = group;
        _ledger = ledger;
        _folders = folders;
        _variables = variables;
        Connection = component.Entry.Connection.ToDictionary(kv => kv.Key, kv => variables.Render(kv.Value));
    }

    public string Component => _component.Name;

    public int Replica { get; }

    public IReadOnlyDictionary<string, int> Ports { get; }

    /// <summary>The entry's connection settings, rendered (credentials included: never print them).</summary>
    public IReadOnlyDictionary<string, string> Connection { get; }

    public IAccountingGroup Group { get; }

    public LocalProcess Process => _process;

    /// <summary>From process start to the first successful readiness probe.</summary>
    public TimeSpan StartupTime { get; private set; }

    public InstanceEndpoint Endpoint => new(Component, Replica, InstanceVariables.Host, Ports, Connection);

    /// <summary>
    /// Starts one replica: folders, rendered files, init commands, the process in its group, readiness, setup
    /// commands. On failure everything it made is removed and <see cref="DeploymentFailedException"/> says why.
    /// </summary>
    /// <param name="links">The endpoints of the components this one links to, by link name.</param>
    public static async Task<LocalInstance> StartAsync(
        ComponentPlan component, int replica, IReadOnlyDictionary<string, IReadOnlyList<InstanceEndpoint>> links,
        InstanceContext context, CancellationToken cancellationToken)
    {
        var entry = component.Entry;
        var name = $"{component.Name}-{replica}";
        var binary = BinaryLocator.Find(entry.Binary, context.Root)
            ?? throw new DeploymentFailedException(component.Name, replica,
                $"binary '{BinaryLocator.Expand(entry.Binary, context.Root)}' of catalog entry '{entry.Name}' is missing; get it with: {entry.Binary.InstallHint}", "");

        var allocated = FreePorts.Allocate(entry.Ports.Count);
        var ports = entry.Ports.Select((port, i) => (port, number: allocated[i])).ToDictionary(p => p.port, p => p.number);
        var folders = CreateFolders(context, name, entry.Launch.RunAs);
        var variables = InstanceVariables.For(component, replica, ports, context.Root, folders, links);
        try
        {
            foreach (var file in entry.Launch.Files)
                await File.WriteAllTextAsync(Path.Combine(folders.Instance, file.Path), variables.Render(file.Content), cancellationToken);
            await CommandRunner.RunAsync("init", entry.Init, entry, component.Name, replica, variables, folders, context.Root, cancellationToken);
        }
        catch
        {
            RemoveFolders(context.Ledger, folders);
            throw;
        }

        var group = context.Accounting.Create(context.RunId, $"t{context.Trial}-{context.Variant}-{name}", component.Resources);
        context.Ledger.RecordCgroups(group.Directories);
        var spec = new LaunchSpec(
            binary,
            [.. entry.Launch.Args.Select(variables.Render)],
            entry.Launch.Environment.ToDictionary(kv => kv.Key, kv => variables.Render(kv.Value)),
            folders.Instance,
            Path.Combine(folders.Instance, "stdout.log"),
            Path.Combine(folders.Instance, "stderr.log"),
            group.ProcsFiles,
            component.Resources.CpuSet ?? context.CpuSet,
            entry.Launch.RunAs);

        RuntimeLog.Starting(context.Logger, name, spec.FileName, variables.Redact(string.Join(' ', spec.Args)),
            string.Join(", ", ports.Select(p => $"{p.Key}={p.Value}")), spec.CpuSet ?? "any", string.Join(", ", group.Directories));
        var started = context.Time.GetTimestamp();
        var process = await LocalProcess.StartAsync(spec, cancellationToken);
        context.Ledger.RecordProcess(process.Identity);
        group.Attach(process.Pid);
        var instance = new LocalInstance(component, replica, ports, process, group, context.Ledger, folders, variables, context.Logger);
        try
        {
            await instance.WaitUntilReadyAsync(context, cancellationToken);
            instance.StartupTime = context.Time.GetElapsedTime(started);
            RuntimeLog.Ready(context.Logger, name, process.Pid, instance.StartupTime.TotalMilliseconds);
            await CommandRunner.RunAsync("setup", entry.Setup, entry, component.Name, replica, variables, folders, context.Root, cancellationToken);
            return instance;
        }
        catch (Exception ex)
        {
            RuntimeLog.StartFailed(context.Logger, name, variables.Redact(ex.Message));
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The instance folder (kept), its data folder and a short temp folder (both removed), written to the
    /// ledger first. The data folder lives in the instance folder, unless the instance runs as another user
    /// who could not reach it there (a run folder under /root, say): then it lives in the temp folder.
    /// </summary>
    private static InstanceFolders CreateFolders(InstanceContext context, string name, string? runAs)
    {
        var instance = Path.Combine(context.TrialDirectory, name);
        var temp = Path.Combine(Path.GetTempPath(), $"assay-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(instance);
        var data = runAs is null || Ownership.OthersCanReach(instance) ? Path.Combine(instance, "data") : Path.Combine(temp, "data");
        context.Ledger.RecordDirectory(data);
        context.Ledger.RecordDirectory(temp);
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(temp);
        if (runAs is not null) Ownership.GiveTo(runAs, data, temp);
        return new InstanceFolders(instance, data, temp);
    }

    private static void RemoveFolders(RunLedger ledger, InstanceFolders folders)
    {
        var removed = new[] { folders.Data, folders.Temp }.Where(TryDelete).ToHashSet();
        ledger.Forget(e => e.Kind == LedgerEntryKind.Directory && removed.Contains(e.Path!));
    }

    /// <summary>One liveness check during the run: the process is alive and answers its probe.</summary>
    public Task<bool> IsHealthyAsync(ReadinessChecker checker, CancellationToken cancellationToken)
    {
        var probe = _component.Entry.Readiness;
        return _process.HasExited ? Task.FromResult(false) : checker.CheckAsync(probe, InstanceVariables.Host, Ports[probe.Port], cancellationToken);
    }

    public string Describe() => $"{Component}-{Replica} (pid {_process.Pid})";


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
        var pid = _process.Pid;
        var groupDirectories = Group.Directories;
        // A folder still held open by a dying child stays in the ledger for the next reap.
        _ledger.Forget(e =>
            (e.Kind == LedgerEntryKind.Process && e.Pid == pid) ||
            (e.Kind == LedgerEntryKind.Cgroup && groupDirectories.Contains(e.Path!) && !Directory.Exists(e.Path)));
        RemoveFolders(_ledger, _folders);
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
        new(Component, Replica, $"component '{Component}' replica {Replica} ({_component.Entry.Name}) {what}", _variables.Redact(_process.LogTail()));

    /// <summary>The end of its logs, secrets hidden.</summary>
    public string LogTail() => _variables.Redact(_process.LogTail());

    private string PortHint()
    {
        var tail = _process.LogTail(40);
        return tail.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || tail.Contains("Address in use", StringComparison.OrdinalIgnoreCase)
            ? "; a port it binds is already in use by another process (see its log below): stop that process, or run again if the port was taken by chance"
            : "";
    }
}
