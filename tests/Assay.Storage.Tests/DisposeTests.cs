using Assay.Testing;

namespace Assay.Storage.Tests;

public sealed class DisposeTests
{
    [Fact(Timeout = 30_000)]
    public async Task Disposing_closes_every_connection_so_no_wal_file_is_left_and_twice_is_harmless()
    {
        await using var folder = new StoreFolder();
        var store = await folder.OpenAsync();
        await folder.AddRunAsync(store, new RunResultBuilder { Trials = 1, MeasuredSeconds = 2 });
        Assert.True(File.Exists(store.Path + "-wal"), "a store in use keeps a write-ahead log");

        await store.DisposeAsync();
        await store.DisposeAsync();

        Assert.False(File.Exists(store.Path + "-wal"), "the last connection to close checkpoints and removes the WAL");
        Assert.False(File.Exists(store.Path + "-shm"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ListRunsAsync(null, 1, folder.Token));
    }

    [Fact]
    public void The_default_store_is_under_dot_assay_in_the_working_directory() =>
        Assert.Equal(Path.Combine("/work/lab", ".assay", "assay.db"), SqliteRunStore.DefaultPath("/work/lab"));
}
