using System.Globalization;
using Assay.Core.Results;
using Assay.Engine.Storage;
using Assay.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace Assay.Storage;

/// <summary>
/// The run store in one SQLite file (<c>.assay/assay.db</c> by default). Several processes may use the
/// same file at once (a run writing as it goes, another invocation reaping a killed run): the file is
/// in WAL mode so readers never wait, every write is one short <c>BEGIN IMMEDIATE</c> transaction, and a
/// writer that finds the file locked waits up to the busy timeout. Each operation takes a connection
/// from the pool and returns it; disposing the store closes the pooled connections.
/// </summary>
/// <remarks>
/// <see cref="MarkAbortedAsync"/> only changes a run that is still running: a run that completed while
/// the reaper was deciding keeps its result. <see cref="CompleteRunAsync"/> fills the series tables for
/// trials whose series were not recorded as they ended.
/// </remarks>
public sealed partial class SqliteRunStore : IRunStore, IAsyncDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteNotADatabase = 26;
    private const int SqlitePrimaryKeyViolation = 1555;
    private const int SqliteForeignKeyViolation = 787;

    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly TimeSpan _busyTimeout;
    private int _disposed;

    private SqliteRunStore(string path, StoreSettings settings, bool readOnly = false)
    {
        Path = path;
        _busyTimeout = settings.BusyTimeout;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = settings.Pooling,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(settings.BusyTimeout.TotalSeconds),
        }.ToString();
        // Per connection, not per file. In WAL mode NORMAL syncs at checkpoints instead of at every commit:
        // a killed process loses nothing committed; only a power cut can lose the last transactions.
        _connectionPragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)settings.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
    }

    /// <summary>The database file, as a full path.</summary>
    public string Path { get; }

    /// <summary>Where the store lives unless the user says otherwise: <c>.assay/assay.db</c> under the working directory.</summary>
    public static string DefaultPath(string workingDirectory) => System.IO.Path.Combine(workingDirectory, ".assay", "assay.db");

    /// <summary>
    /// Opens (creating the file and its folders when missing) and upgrades the schema to the newest
    /// version. Throws <see cref="SchemaTooNewException"/> for a store written by a newer Assay, and
    /// <see cref="InvalidDataException"/> for a file that is not a run store.
    /// </summary>
    public static Task<SqliteRunStore> OpenAsync(string path, CancellationToken cancellationToken) =>
        OpenAsync(path, StoreSettings.Default, cancellationToken);

    internal static async Task<SqliteRunStore> OpenAsync(string path, StoreSettings settings, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(settings);
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        var store = new SqliteRunStore(fullPath, settings);
        // On the thread pool like every operation: an upgrade may wait for another process's lock.
        return await FirstUseAsync(store, () => Task.Run(() => store.PrepareAsync(settings, cancellationToken), cancellationToken));
    }

    /// <summary>
    /// A new store's first step (preparing or checking the file); the store when it succeeds. On failure the store is
    /// disposed, and a file that is not SQLite is said to be no run store.
    /// </summary>
    private static async Task<SqliteRunStore> FirstUseAsync(SqliteRunStore store, Func<Task> firstStep)
    {
        try
        {
            await firstStep();
            return store;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteNotADatabase)
        {
            await store.DisposeAsync();
            throw new InvalidDataException($"'{store.Path}' is not a SQLite database, so it cannot be a run store; point Assay at another file.", e);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private async Task PrepareAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        using (var wal = connection.CreateCommand())
        {
            // Persistent in the file: set once, every later connection (of any process) uses it.
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteScalarAsync(cancellationToken);
        }
        await SchemaMigrator.MigrateAsync(connection, settings.Migrations, Path, settings.Time, cancellationToken);
    }

    public Task BeginRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var parameters = StoredValues.Json(run.Parameters);
        return WriteAsync(run.RunId, async (connection, transaction) =>
        {
            using var insert = Command(connection, transaction, """
                INSERT INTO runs (id, experiment, title, status, started_at, directory, experiment_file, experiment_text, parameters)
                VALUES ($id, $experiment, $title, $status, $started, $directory, $file, $text, $parameters)
                """);
            insert.Parameters.AddWithValue("$id", run.RunId);
            insert.Parameters.AddWithValue("$experiment", run.Experiment);
            insert.Parameters.AddWithValue("$title", run.Title);
            insert.Parameters.AddWithValue("$status", StoredValues.Status(RunStatus.Running));
            insert.Parameters.AddWithValue("$started", StoredValues.Timestamp(run.StartedAt));
            insert.Parameters.AddWithValue("$directory", run.Directory);
            insert.Parameters.AddWithValue("$file", run.ExperimentFile);
            insert.Parameters.AddWithValue("$text", run.ExperimentText);
            insert.Parameters.AddWithValue("$parameters", parameters);
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqlitePrimaryKeyViolation)
            {
                throw new InvalidOperationException($"A run with id '{run.RunId}' is already in the store '{Path}'; run ids must be unique.", e);
            }
        }, cancellationToken);
    }

    public Task RecordPhaseAsync(string runId, int? trial, string? variant, RunPhase phase, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return WriteAsync(runId, async (connection, transaction) =>
        {
            // The sequence number is taken under the write lock, so phases keep the order they were written in
            // even when two have the same timestamp.
            using var insert = Command(connection, transaction, """
                INSERT INTO phases (run_id, seq, trial, variant, phase, at)
                SELECT $run, coalesce(max(seq), 0) + 1, $trial, $variant, $phase, $at FROM phases WHERE run_id = $run
                """);
            insert.Parameters.AddWithValue("$run", runId);
            insert.Parameters.AddWithValue("$trial", trial is int t ? t : DBNull.Value);
            insert.Parameters.AddWithValue("$variant", (object?)variant ?? DBNull.Value);
            insert.Parameters.AddWithValue("$phase", StoredValues.Phase(phase));
            insert.Parameters.AddWithValue("$at", StoredValues.Timestamp(at));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task RecordTrialSeriesAsync(string runId, int trial, string variant, TrialSeries series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(series);
        return WriteAsync(runId, (connection, transaction) =>
            SeriesRows.ReplaceAsync(connection, transaction, runId, trial, variant, series, cancellationToken), cancellationToken);
    }

    public Task CompleteRunAsync(RunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = StoredValues.Json(result);
        return WriteAsync(result.RunId, async (connection, transaction) =>
        {
            using (var update = Command(connection, transaction, """
                UPDATE runs SET title = $title, status = $status, ended_at = $ended, message = $message, result = $result
                WHERE id = $id
                """))
            {
                update.Parameters.AddWithValue("$id", result.RunId);
                update.Parameters.AddWithValue("$title", result.Title);
                update.Parameters.AddWithValue("$status", StoredValues.Status(result.Status));
                update.Parameters.AddWithValue("$ended", StoredValues.Timestamp(result.EndedAt));
                update.Parameters.AddWithValue("$message", (object?)result.Message ?? DBNull.Value);
                update.Parameters.AddWithValue("$result", document);
                if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
                    throw NotBegun(result.RunId);
            }
            await HeadlineRows.ReplaceAsync(connection, transaction, result, cancellationToken);
            foreach (var variant in result.Variants)
                foreach (var trial in variant.TrialResults)
                    if (!await SeriesRows.ExistAsync(connection, transaction, result.RunId, trial.Trial, variant.Name, cancellationToken))
                        await SeriesRows.ReplaceAsync(connection, transaction, result.RunId, trial.Trial, variant.Name, trial.Series, cancellationToken);
        }, cancellationToken);
    }

    public Task MarkAbortedAsync(string runId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(reason);
        return WriteAsync(runId, async (connection, transaction) =>
        {
            using var update = Command(connection, transaction, """
                UPDATE runs SET status = $aborted, ended_at = $at, message = $reason WHERE id = $id AND status = $running
                """);
            update.Parameters.AddWithValue("$id", runId);
            update.Parameters.AddWithValue("$aborted", StoredValues.Status(RunStatus.Aborted));
            update.Parameters.AddWithValue("$running", StoredValues.Status(RunStatus.Running));
            update.Parameters.AddWithValue("$at", StoredValues.Timestamp(at));
            update.Parameters.AddWithValue("$reason", reason);
            if (await update.ExecuteNonQueryAsync(cancellationToken) > 0) return;

            using var exists = Command(connection, transaction, "SELECT count(*) FROM runs WHERE id = $id");
            exists.Parameters.AddWithValue("$id", runId);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
                throw NotBegun(runId);
        }, cancellationToken);
    }

    /// <summary>Closes the pooled connections, so SQLite checkpoints and removes the WAL file. Safe to call twice.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
        return ValueTask.CompletedTask;
    }

    private InvalidOperationException NotBegun(string runId) =>
        new($"Run '{runId}' is not in the store '{Path}'; BeginRunAsync records a run before anything else is stored for it.");

    /// <remarks>
    /// Microsoft.Data.Sqlite's async methods run synchronously (SQLite has no async API), so a write waiting
    /// out another process's lock would hold the caller's thread for up to the busy timeout. Every operation
    /// therefore runs on the thread pool, and the caller's thread is free while it waits.
    /// </remarks>
    private Task WriteAsync(string runId, Func<SqliteConnection, SqliteTransaction, Task> write, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            // IMMEDIATE takes the write lock up front (waiting out another writer); a deferred transaction that
            // upgrades later can fail at once with SQLITE_BUSY whatever the timeout.
            SqliteTransaction transaction;
            try
            {
                transaction = connection.BeginTransaction(deferred: false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteBusy)
            {
                throw new TimeoutException(
                    $"The run store '{Path}' stayed locked by another process for more than {_busyTimeout.TotalSeconds:0.#} s; " +
                    "a stuck Assay or a tool holding a write transaction on the file may be the cause.", e);
            }
            using var disposeTransaction = transaction;
            try
            {
                await write(connection, transaction);
            }
            catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteForeignKeyViolation)
            {
                throw new InvalidOperationException(NotBegun(runId).Message, e);
            }
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);

    private Task<T> ReadAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> read, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            // One snapshot for every statement of the read; in WAL mode it holds up no writer.
            using var transaction = connection.BeginTransaction(deferred: true);
            var value = await read(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return value;
        }, cancellationToken);

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _connectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
