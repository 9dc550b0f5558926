using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Core.Units;
using Assay.Engine.Runtime;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Deployment;
using Assay.Runtimes.Local.Ledger;
using Assay.Runtimes.Local.Machine;
using Assay.Runtimes.Local.Probes;
using Assay.Runtimes.Local.Sampling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assay.Runtimes.Local;

/// <summary>
/// Runs components as processes on this machine, bound to 127.0.0.1 on free ports, each instance in
/// its own accounting group, everything written to the run's ledger before it exists.
/// </summary>
public sealed class LocalRuntime(LocalRuntimeOptions options, IAccountingBackend accounting, RunLedger ledger, TimeProvider time, ILogger? logger = null)
    : IRuntime, IDisposable
{
    private readonly HttpClient _probeClient = ReadinessChecker.CreateClient();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private ReadinessChecker? _checker;

    private ReadinessChecker Checker => _checker ??= new ReadinessChecker(_probeClient);

    public string Name => "local";

    public ResourceAccounting Accounting => accounting.Kind;

    public Task<IReadOnlyList<PreflightProblem>> PreflightAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<PreflightProblem>();
        foreach (var component in plan.Variants.SelectMany(v => v.Components).DistinctBy(c => (c.Name, c.Entry.Name)))
        {
            if (BinaryLocator.Find(component.Entry.Binary, options.Root) is null)
            {
                problems.Add(new PreflightProblem(
                    component.Name,
                    $"component '{component.Name}' needs binary '{BinaryLocator.Expand(component.Entry.Binary, options.Root)}' (catalog entry '{component.Entry.Name}'), which is not installed",
                    component.Entry.Binary.InstallHint));
            }
        }
        var online = CpuSets.Online();
        var sets = new[] { ("placement.loadGenerator", plan.Placement.LoadGenerator), ("placement.components", plan.Placement.Components) }
            .Concat(plan.Variants.SelectMany(v => v.Components).Select(c => ($"{c.Name}.resources.cpuset", c.Resources.CpuSet)));
        foreach (var (field, set) in sets)
        {
            if (set is null) continue;
            var missing = (CpuSetText.Parse(set) ?? []).Except(online).ToList();
            if (missing.Count > 0)
                problems.Add(new PreflightProblem(field, $"{field} names CPU(s) {string.Join(",", missing)} that this machine does not have", $"use CPUs from {CpuSetText.Format(online)}"));
        }
        return Task.FromResult<IReadOnlyList<PreflightProblem>>(problems);
    }

    /// <summary>
    /// The version each catalog entry the plan deploys prints (its first line), by entry name: recorded with the run so
    /// that a report says exactly what was measured. Entries without a version command, or whose binary does not
    /// answer, are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> VersionsAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in plan.Variants.SelectMany(v => v.Components).Select(c => c.Entry).DistinctBy(e => e.Name))
        {
            if (BinaryLocator.Find(entry.Binary, options.Root) is not { } binary) continue;
            if (await BinaryVersion.ReadAsync(binary, entry.Binary.VersionArgs, cancellationToken) is { } version) versions[entry.Name] = version;
        }
        return versions;
    }

    public async Task<IDeployment> DeployAsync(DeploymentRequest request, IProgress<InstanceStarted>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new InstanceContext(request.RunId, request.Trial, request.Variant.Name, request.Directory, options.Root,
            request.Placement.Components, accounting, ledger, Checker, time, _logger);
        var started = new List<LocalInstance>();
        RecordRunGroups();
        try
        {
            foreach (var component in request.Variant.Components)
            {
                // Components start in the order written, so a component's links point at instances already running.
                var links = component.Links.ToDictionary(
                    link => link.Key,
                    link => (IReadOnlyList<InstanceEndpoint>)[.. started.Where(i => i.Component == link.Value).Select(i => i.Endpoint)]);
                for (var replica = 0; replica < component.Replicas; replica++)
                {
                    var instance = await LocalInstance.StartAsync(component, replica, links, context, cancellationToken);
                    started.Add(instance);
                    progress?.Report(new InstanceStarted(component.Name, replica, instance.Ports, instance.StartupTime));
                }
            }
            var sampler = new UsageSampler(
                [.. started.Select(i => new SampledInstance(i.Component, i.Replica, i.Group, i.StartupTime.TotalSeconds))], options.SampleInterval, time);
            return new LocalDeployment(started, sampler, Checker, time, _logger);
        }
        catch
        {
            for (var i = started.Count - 1; i >= 0; i--) await started[i].DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        _probeClient.Dispose();
        accounting.RemoveRun(ledger.RunId);
        ledger.Forget(e => e.Kind == LedgerEntryKind.Cgroup && !Directory.Exists(e.Path));
    }

    private void RecordRunGroups()
    {
        var recorded = ledger.Entries.Where(e => e.Kind == LedgerEntryKind.Cgroup).Select(e => e.Path).ToHashSet();
        ledger.RecordCgroups(accounting.RunDirectories(ledger.RunId).Where(d => !recorded.Contains(d)));
    }
}
