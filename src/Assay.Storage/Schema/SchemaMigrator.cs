using Microsoft.Data.Sqlite;

namespace Assay.Storage.Schema;

/// <summary>
/// Brings a database to the newest schema this code knows, one migration at a time, each recorded in
/// <c>schema_version</c>. Refuses a database written by a newer Assay and a SQLite file that is not a
/// run store. Safe when two processes open the same new file at once: the upgrade runs under the
/// write lock and re-reads the version once it holds it.
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        ) STRICT
        """;

    /// <summary>Returns the version the database is at afterwards.</summary>
    public static async Task<int> MigrateAsync(
        SqliteConnection connection, IReadOnlyList<Migration> migrations, string path, TimeProvider time, CancellationToken cancellationToken)
    {
        CheckOrder(migrations);
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var current = await ReadVersionAsync(connection, null, path, cancellationToken);
        if (current > known) throw new SchemaTooNewException(path, current, known);
        if (current == known) return current;

        using var transaction = connection.BeginTransaction(deferred: false);
        current = await ReadVersionAsync(connection, transaction, path, cancellationToken);
        if (current > known) throw new SchemaTooNewException(path, current, known);
        await ExecuteAsync(connection, transaction, CreateVersionTable, cancellationToken);
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $at)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$description", migration.Description);
            record.Parameters.AddWithValue("$at", StoredValues.Timestamp(time.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return known;
    }

    internal static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, string path, CancellationToken cancellationToken)
    {
        using var tables = connection.CreateCommand();
        tables.Transaction = transaction;
        tables.CommandText = """
            SELECT count(*) FILTER (WHERE name = 'schema_version'), count(*)
            FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
            """;
        long hasVersionTable, tableCount;
        using (var reader = await tables.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            hasVersionTable = reader.GetInt64(0);
            tableCount = reader.GetInt64(1);
        }
        if (hasVersionTable == 0)
        {
            // Creating Assay's tables beside someone else's would mix two applications in one file.
            if (tableCount > 0)
                throw new InvalidDataException(
                    $"'{path}' is a SQLite database but not an Assay run store (it has tables and no schema_version table); point Assay at another file.");
            return 0;
        }

        using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void CheckOrder(IReadOnlyList<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException(
                    $"Migration '{migrations[i].Description}' has version {migrations[i].Version} at position {i + 1}; versions must run 1, 2, 3… with no gaps.");
    }
}
