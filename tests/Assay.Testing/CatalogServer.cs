using Assay.Core.Plans;
using Assay.Engine.Runtime;
using Assay.Runtimes.Local;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Ledger;
using Assay.Specs.Catalogs;

namespace Assay.Testing;

/// <summary>
/// A real server from the shipped catalog (postgresql, redis, nats…), started for a test exactly as a run
/// starts it (its own folders, free ports, credentials made for it, readiness awaited), and stopped and
/// cleaned up on dispose. <see cref="Endpoints"/> are what a workload driver would receive.
/// </summary>
public sealed class CatalogServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly RunLedger _ledger;
    private readonly LocalRuntime _runtime;
    private readonly IDeployment _deployment;

    private CatalogServer(string folder, RunLedger ledger, LocalRuntime runtime, IDeployment deployment, VariantPlan variant)
    {
        _folder = folder;
        _ledger = ledger;
        _runtime = runtime;
        _deployment = deployment;
        Variant = variant;
    }

    public VariantPlan Variant { get; }

    public IDeployment Deployment => _deployment;

    /// <summary>The folder the instances keep their logs and rendered configuration in.</summary>
    public string Folder => _folder;

    /// <summary>Endpoints of a component (the first one by default), as a driver gets them: scheme = protocol, plus connection settings.</summary>
    public IReadOnlyList<TargetEndpoint> Endpoints(string? component = null)
    {
        var plan = component is null ? Variant.Components[0] : Variant.Components.Single(c => c.Name == component);
        return [.. _deployment.Instances
            .Where(i => i.Component == plan.Name)
            .OrderBy(i => i.Replica)
            .Select(i => new TargetEndpoint(new Uri($"{plan.Entry.Protocol}://{i.Host}:{i.Ports[plan.Entry.PrimaryPort]}"), i.Connection))];
    }

    /// <summary>Starts one catalog entry as component <c>server</c>.</summary>
    public static Task<CatalogServer> StartAsync(string entry, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? parameters = null, int replicas = 1) =>
        StartAsync([("server", entry, parameters, null)], cancellationToken, replicas);

    /// <summary>
    /// Starts several components in order, e.g. an app and a proxy linking to it:
    /// <c>[("web", "demo-app", null, null), ("proxy", "nginx", null, {upstream: web})]</c>.
    /// </summary>
    public static async Task<CatalogServer> StartAsync(
        IReadOnlyList<(string Name, string Entry, IReadOnlyDictionary<string, string>? Parameters, IReadOnlyDictionary<string, string>? Links)> components,
        CancellationToken cancellationToken,
        int replicas = 1)
    {
        var catalog = CatalogLoader.Load([RepoPaths.Catalog], cancellationToken).Value
            ?? throw new InvalidOperationException("The shipped catalog does not load: run `assay validate` or the Specs tests to see why.");
        var plans = components.Select(c =>
        {
            var entry = catalog.Find(c.Entry) ?? throw new ArgumentException($"No catalog entry '{c.Entry}' in {RepoPaths.Catalog}.", nameof(components));
            var values = new Dictionary<string, string>(entry.Parameters);
            foreach (var (key, value) in c.Parameters ?? new Dictionary<string, string>()) values[key] = value;
            return new ComponentPlan(c.Name, entry, values, ResourcePlan.Unlimited, c.Name == components[0].Name ? replicas : 1,
                c.Links ?? new Dictionary<string, string>());
        }).ToList();
        var variant = new VariantPlan("test", plans,
            new HttpWorkloadPlan(new TargetPlan(null, null, new Uri("http://127.0.0.1:9")), [], new ClosedModel(1, TimeSpan.Zero, TimeSpan.Zero),
                TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            [], new Dictionary<string, string>());

        var folder = Directory.CreateTempSubdirectory("assay-server-").FullName;
        // As a run folder is: other users (the one a server runs as) may pass through it.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var runId = $"test-{Guid.NewGuid():N}"[..20];
        var ledger = RunLedger.Open(Path.Combine(folder, "ledger"), runId, TimeProvider.System);
        var runtime = new LocalRuntime(new LocalRuntimeOptions(RepoPaths.Root, TimeSpan.FromSeconds(1)), AccountingDetector.Detect(), ledger, TimeProvider.System);
        try
        {
            var deployment = await runtime.DeployAsync(new DeploymentRequest(runId, 1, variant, PlacementPlan.Unpinned, folder), null, cancellationToken);
            return new CatalogServer(folder, ledger, runtime, deployment, variant);
        }
        catch
        {
            runtime.Dispose();
            ledger.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _deployment.DisposeAsync();
        _runtime.Dispose();
        _ledger.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Logs of a server that is still writing as it dies; the folder is in /tmp.
        }
    }
}
