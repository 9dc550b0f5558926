using Assay.Storage.Schema;
using Assay.Testing;

namespace Assay.Storage.Tests;

public sealed class MigrationTests
{
    private static readonly Migration Notes = new(2, "test: run notes", "CREATE TABLE notes (run_id TEXT NOT NULL REFERENCES runs (id), note TEXT NOT NULL) STRICT;");

    private static StoreSettings With(params Migration[] migrations) => StoreSettings.Default with { Migrations = migrations };

    [Fact(Timeout = 30_000)]
    public async Task A_missing_file_and_its_folders_are_created_at_the_newest_version_in_wal_mode()
    {
        await using var folder = new StoreFolder();
        Assert.False(Directory.Exists(Path.GetDirectoryName(folder.DatabasePath)));

        var store = await folder.OpenAsync();

        Assert.Equal(Path.Combine(folder.WorkingDirectory, ".assay", "assay.db"), store.Path);
        Assert.True(File.Exists(store.Path));
        Assert.Equal(Migrations.Latest, await RawDatabase.CountAsync(store.Path, "SELECT max(version) FROM schema_version", folder.Token));
        Assert.Equal("wal", await RawDatabase.ScalarAsync(store.Path, "PRAGMA journal_mode", folder.Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_empty_file_is_migrated_from_nothing()
    {
        await using var folder = new StoreFolder();
        Directory.CreateDirectory(Path.GetDirectoryName(folder.DatabasePath)!);
        await File.WriteAllBytesAsync(folder.DatabasePath, [], folder.Token);

        var store = await folder.OpenAsync();

        var tables = await RawDatabase.CountAsync(store.Path,
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('runs', 'phases', 'workload_seconds', 'usage_samples', 'run_variants', 'schema_version')",
            folder.Token);
        Assert.Equal(6, tables);
        Assert.Empty(await store.ListRunsAsync(null, 10, folder.Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_older_store_is_upgraded_once_and_keeps_its_runs()
    {
        await using var folder = new StoreFolder();
        var old = await folder.OpenAsync(With(Migrations.All[0]));
        var result = await folder.AddRunAsync(old, new RunResultBuilder { Trials = 1, MeasuredSeconds = 2 });

        var upgraded = await folder.OpenAsync(With(Migrations.All[0], Notes));
        await folder.OpenAsync(With(Migrations.All[0], Notes));

        Assert.Equal(2, await RawDatabase.CountAsync(upgraded.Path, "SELECT count(*) FROM schema_version", folder.Token));
        Assert.Equal(Notes.Description, await RawDatabase.ScalarAsync(upgraded.Path, "SELECT description FROM schema_version WHERE version = 2", folder.Token));
        Assert.Equal(0, await RawDatabase.CountAsync(upgraded.Path, "SELECT count(*) FROM notes", folder.Token));
        Assert.Equal(result.RunId, (await upgraded.FindRunAsync(result.RunId, folder.Token))?.Listing.RunId);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_store_from_a_newer_assay_is_refused_naming_the_file_and_both_versions()
    {
        await using var folder = new StoreFolder();
        await folder.OpenAsync(With(Migrations.All[0], Notes));

        var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => folder.OpenAsync(With(Migrations.All[0])));

        Assert.Equal((2, 1), (error.FoundVersion, error.KnownVersion));
        Assert.Contains(folder.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("versions up to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_file_that_is_not_a_database_is_refused_naming_it()
    {
        await using var folder = new StoreFolder();
        Directory.CreateDirectory(Path.GetDirectoryName(folder.DatabasePath)!);
        await File.WriteAllTextAsync(folder.DatabasePath, "runs:\n  - not a database, but a text file long enough to hold a SQLite header\n" + new string('x', 200), folder.Token);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => folder.OpenAsync());

        Assert.Contains(folder.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_database_of_another_application_is_left_alone()
    {
        await using var folder = new StoreFolder();
        Directory.CreateDirectory(Path.GetDirectoryName(folder.DatabasePath)!);
        await RawDatabase.ScalarAsync(folder.DatabasePath, "CREATE TABLE runs (id INTEGER, note TEXT)", folder.Token);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => folder.OpenAsync());

        Assert.Contains("not an Assay run store", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await RawDatabase.CountAsync(folder.DatabasePath, "SELECT count(*) FROM sqlite_schema WHERE name = 'schema_version'", folder.Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task Migrations_with_a_gap_are_a_bug_reported_before_anything_runs()
    {
        await using var folder = new StoreFolder();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => folder.OpenAsync(With(Migrations.All[0], Notes with { Version = 3 })));

        Assert.Contains("version 3 at position 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await RawDatabase.CountAsync(folder.DatabasePath, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", folder.Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task Two_processes_creating_the_same_store_at_once_migrate_it_once()
    {
        await using var folder = new StoreFolder();

        var opening = Enumerable.Range(0, 4).Select(i => Task.Run(() => folder.OpenAsync(StoreSettings.Default with { Pooling = i % 2 == 0 })));
        var stores = await Task.WhenAll(opening);

        Assert.Equal(4, stores.Length);
        Assert.Equal(1, await RawDatabase.CountAsync(folder.DatabasePath, "SELECT count(*) FROM schema_version", folder.Token));
    }
}
