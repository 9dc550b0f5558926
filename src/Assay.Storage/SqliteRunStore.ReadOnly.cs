using Assay.Storage.Schema;

namespace Assay.Storage;

public sealed partial class SqliteRunStore
{
    /// <summary>
    /// Opens an existing store for reading only (the dashboard, the static site): the file is never created,
    /// upgraded or written, so a viewer cannot change what a run recorded. Throws
    /// <see cref="FileNotFoundException"/> when there is no file, <see cref="SchemaTooNewException"/> for a
    /// store written by a newer Assay, and <see cref="InvalidOperationException"/> for one an older Assay left
    /// at an older schema (any writing command upgrades it).
    /// </summary>
    public static Task<SqliteRunStore> OpenReadOnlyAsync(string path, CancellationToken cancellationToken) =>
        OpenReadOnlyAsync(path, StoreSettings.Default, cancellationToken);

    internal static async Task<SqliteRunStore> OpenReadOnlyAsync(string path, StoreSettings settings, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(settings);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"There is no run store at '{fullPath}': run an experiment first (assay run …), or point at another state folder.", fullPath);
        var store = new SqliteRunStore(fullPath, settings, readOnly: true);
        return await FirstUseAsync(store, async () =>
        {
            var version = await Task.Run(async () =>
            {
                await using var connection = await store.OpenConnectionAsync(cancellationToken);
                return await SchemaMigrator.ReadVersionAsync(connection, null, fullPath, cancellationToken);
            }, cancellationToken);
            var known = settings.Migrations.Count == 0 ? 0 : settings.Migrations[^1].Version;
            if (version > known) throw new SchemaTooNewException(fullPath, version, known);
            if (version < known)
                throw new InvalidOperationException(
                    $"The run store '{fullPath}' has schema version {version}, older than this Assay's {known}; a read-only viewer does not upgrade it: run 'assay runs' once to upgrade it.");
        });
    }
}
