using Assay.Core.Results;
using Assay.Engine.Storage;
using Assay.Testing;

namespace Assay.Storage.Tests;

/// <summary>
/// A temp folder holding one store file, the stores opened on it, and a deadline for every call. Disposing
/// closes the stores, then checks they let go of the file (no WAL left behind) and removes the folder.
/// </summary>
internal sealed class StoreFolder : IAsyncDisposable
{
    private readonly TempFolder _folder = new("storage");
    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(25));
    private readonly List<SqliteRunStore> _stores = [];

    public string WorkingDirectory => _folder.Path;

    public string DatabasePath => SqliteRunStore.DefaultPath(_folder.Path);

    public CancellationToken Token => _deadline.Token;

    public Task<SqliteRunStore> OpenAsync() => OpenAsync(StoreSettings.Default);

    public async Task<SqliteRunStore> OpenAsync(StoreSettings settings)
    {
        var store = await SqliteRunStore.OpenAsync(DatabasePath, settings, Token);
        lock (_stores) _stores.Add(store);
        return store;
    }

    /// <summary>Begins a run from a builder and, unless told otherwise, completes it with the built result.</summary>
    public async Task<RunResult> AddRunAsync(IRunStore store, RunResultBuilder builder, bool complete = true)
    {
        var result = builder.Build();
        await store.BeginRunAsync(builder.BuildRecord(), Token);
        if (complete) await store.CompleteRunAsync(result, Token);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
        _deadline.Dispose();
        _folder.Dispose();
    }
}
