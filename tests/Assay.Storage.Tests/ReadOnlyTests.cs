using Assay.Storage.Schema;
using Assay.Testing;
using Microsoft.Data.Sqlite;

namespace Assay.Storage.Tests;

/// <summary>The store as viewers open it (the dashboard, the static site): reads work, nothing is created or written.</summary>
public sealed class ReadOnlyTests
{
    private static readonly Migration Notes = new(2, "test: run notes", "CREATE TABLE notes (run_id TEXT NOT NULL REFERENCES runs (id), note TEXT NOT NULL) STRICT;");

    [Fact(Timeout = 30_000)]
    public async Task A_missing_store_is_not_created()
    {
        await using var folder = new StoreFolder();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => SqliteRunStore.OpenReadOnlyAsync(folder.DatabasePath, folder.Token));

        Assert.Contains(folder.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DatabasePath));
    }

    [Fact(Timeout = 30_000)]
    public async Task Reads_see_what_a_writer_stores_meanwhile_and_writes_fail()
    {
        await using var folder = new StoreFolder();
        var writer = await folder.OpenAsync();
        var first = await folder.AddRunAsync(writer, new RunResultBuilder { RunId = "run-1", Trials = 1, MeasuredSeconds = 2 });
        await using var reader = await SqliteRunStore.OpenReadOnlyAsync(folder.DatabasePath, folder.Token);

        var second = await folder.AddRunAsync(writer, new RunResultBuilder { RunId = "run-2", Trials = 1, MeasuredSeconds = 2, StartedAt = first.StartedAt.AddHours(1) });

        Assert.Equal([second.RunId, first.RunId], (await reader.ListRunsAsync(null, 10, folder.Token)).Select(r => r.RunId));
        Assert.NotNull((await reader.FindRunAsync(second.RunId, folder.Token))?.Result);
        var write = await Assert.ThrowsAsync<SqliteException>(() => reader.MarkAbortedAsync(first.RunId, "a viewer must not", first.EndedAt, folder.Token));
        Assert.Equal(8, write.SqliteErrorCode); // SQLITE_READONLY
    }

    [Fact(Timeout = 30_000)]
    public async Task An_older_store_is_not_upgraded_and_a_newer_one_is_refused()
    {
        await using var folder = new StoreFolder();
        await folder.OpenAsync(StoreSettings.Default with { Migrations = [Migrations.All[0]] });

        var older = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SqliteRunStore.OpenReadOnlyAsync(folder.DatabasePath, StoreSettings.Default with { Migrations = [Migrations.All[0], Notes] }, folder.Token));
        var newer = await Assert.ThrowsAsync<SchemaTooNewException>(() =>
            SqliteRunStore.OpenReadOnlyAsync(folder.DatabasePath, StoreSettings.Default with { Migrations = [] }, folder.Token));

        Assert.Contains("assay runs", older.Message, StringComparison.Ordinal);
        Assert.Equal(1, await RawDatabase.CountAsync(folder.DatabasePath, "SELECT count(*) FROM schema_version", folder.Token));
        Assert.Equal(1, newer.FoundVersion);
    }
}
