using Assay.Cli.Infrastructure;
using Assay.Core.Cost;
using Assay.Runtimes.Local.Ledger;
using Assay.Specs;
using Assay.Specs.Catalogs;
using Assay.Specs.Pricing;
using Assay.Storage;

namespace Assay.Cli.Composition;

/// <summary>
/// The lab's state for one invocation: its paths, its store (opened on first use), its catalog and price book. Every
/// command that opens the store first reaps runs a killed lab left behind.
/// </summary>
internal sealed class Lab(LabPaths paths, TimeProvider time) : IAsyncDisposable
{
    private SqliteRunStore? _store;

    public LabPaths Paths => paths;

    public TimeProvider Time => time;

    public static Lab Open(string? stateDirectory, TimeProvider time) => new(LabPaths.Resolve(stateDirectory), time);

    /// <summary>The store, after reaping abandoned runs; what was reaped is returned once.</summary>
    public async Task<(SqliteRunStore Store, IReadOnlyList<ReapedRun> Reaped)> OpenStoreAsync(CancellationToken cancellationToken)
    {
        if (_store is not null) return (_store, []);
        Directory.CreateDirectory(paths.StateDirectory);
        _store = await SqliteRunStore.OpenAsync(paths.Database, cancellationToken);
        var reaped = await Reaper.ReapAsync(paths.Ledgers, _store, time, cancellationToken);
        return (_store, reaped);
    }

    /// <summary>The shipped catalog plus any extra folders given on the command line.</summary>
    public SpecOutcome<Catalog> LoadCatalog(IReadOnlyList<string> extraDirectories, CancellationToken cancellationToken) =>
        CatalogLoader.Load([paths.Catalog, .. extraDirectories.Select(Path.GetFullPath)], cancellationToken);

    /// <summary>The shipped price book (<c>pricing/</c>), which experiments' <c>cost.node</c> names a node type of.</summary>
    public SpecOutcome<PriceBook> LoadPriceBook(CancellationToken cancellationToken) =>
        PriceBookLoader.Load([paths.Pricing], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }
}
