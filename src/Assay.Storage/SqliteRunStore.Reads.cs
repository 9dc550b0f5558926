using Assay.Core.Results;
using Assay.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace Assay.Storage;

public sealed partial class SqliteRunStore
{
    private const int MaxCandidatesShown = 10;

    private const string ListingColumns = "id, experiment, title, status, started_at, ended_at, message";

    public Task<IReadOnlyList<RunListing>> ListRunsAsync(string? experiment, int limit, CancellationToken cancellationToken) =>
        ListRunsAsync(new RunQuery(experiment, null, limit), cancellationToken);

    public Task<IReadOnlyList<RunListing>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var filters = new List<string>();
        if (query.Experiment is not null) filters.Add("experiment = $experiment");
        if (query.Status is not null) filters.Add("status = $status");
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        return ReadAsync<IReadOnlyList<RunListing>>(async (connection, transaction) =>
        {
            // One statement: the page of runs and their variant headlines come from the same snapshot.
            using var select = Command(connection, transaction, $"""
                WITH page AS (
                    SELECT {ListingColumns} FROM runs {where}
                    ORDER BY started_at DESC, id DESC LIMIT $limit)
                SELECT page.*, v.variant, v.status, v.throughput, v.p99_ms
                FROM page LEFT JOIN run_variants v ON v.run_id = page.id
                ORDER BY page.started_at DESC, page.id DESC, v.position
                """);
            select.Parameters.AddWithValue("$limit", query.Limit);
            if (query.Experiment is not null) select.Parameters.AddWithValue("$experiment", query.Experiment);
            if (query.Status is RunStatus status) select.Parameters.AddWithValue("$status", StoredValues.Status(status));

            var listings = new List<RunListing>();
            var variants = new List<VariantHeadline>();
            using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (listings.Count == 0 || listings[^1].RunId != reader.GetString(0))
                {
                    variants = [];
                    listings.Add(ReadListing(reader, variants));
                }
                if (!reader.IsDBNull(7)) variants.Add(ReadHeadline(reader, 7));
            }
            return listings;
        }, cancellationToken);
    }

    public Task<StoredRun?> FindRunAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idOrPrefix);
        return ReadAsync(async (connection, transaction) =>
        {
            var run = await ReadRunAsync(connection, transaction, idOrPrefix, cancellationToken);
            if (run is not null) return run;

            using var candidates = Command(connection, transaction, "SELECT id FROM runs WHERE id GLOB $pattern ORDER BY id LIMIT $limit");
            candidates.Parameters.AddWithValue("$pattern", GlobPrefix(idOrPrefix));
            candidates.Parameters.AddWithValue("$limit", MaxCandidatesShown + 1);
            var ids = new List<string>();
            using (var reader = await candidates.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
            }
            return ids.Count switch
            {
                0 => null,
                1 => await ReadRunAsync(connection, transaction, ids[0], cancellationToken),
                _ => throw new AmbiguousRunIdException(idOrPrefix, [.. ids.Take(MaxCandidatesShown)], more: ids.Count > MaxCandidatesShown),
            };
        }, cancellationToken);
    }

    public Task<TrialSeries> GetTrialSeriesAsync(string runId, int trial, string variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(variant);
        return ReadAsync((connection, transaction) =>
            SeriesRows.ReadAsync(connection, transaction, runId, trial, variant, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<RunResult>> ListResultsAsync(string experiment, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<RunResult>>(async (connection, transaction) =>
        {
            using var select = Command(connection, transaction, """
                SELECT result FROM runs WHERE experiment = $experiment AND result IS NOT NULL
                ORDER BY started_at DESC, id DESC LIMIT $limit
                """);
            select.Parameters.AddWithValue("$experiment", experiment);
            select.Parameters.AddWithValue("$limit", limit);
            var results = new List<RunResult>();
            using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                results.Add(StoredValues.ParseJson<RunResult>(reader.GetString(0)));
            return results;
        }, cancellationToken);
    }

    private static async Task<StoredRun?> ReadRunAsync(SqliteConnection connection, SqliteTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        var variants = new List<VariantHeadline>();
        using (var select = Command(connection, transaction, "SELECT variant, status, throughput, p99_ms FROM run_variants WHERE run_id = $id ORDER BY position"))
        {
            select.Parameters.AddWithValue("$id", runId);
            using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) variants.Add(ReadHeadline(reader, 0));
        }

        var phases = new List<PhaseRecord>();
        using (var select = Command(connection, transaction, "SELECT trial, variant, phase, at FROM phases WHERE run_id = $id ORDER BY seq"))
        {
            select.Parameters.AddWithValue("$id", runId);
            using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                phases.Add(new PhaseRecord(
                    reader.IsDBNull(0) ? null : reader.GetInt32(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    StoredValues.ParsePhase(reader.GetString(2)),
                    StoredValues.ParseTimestamp(reader.GetString(3))));
            }
        }

        using var run = Command(connection, transaction, $"SELECT {ListingColumns}, directory, experiment_file, experiment_text, result FROM runs WHERE id = $id");
        run.Parameters.AddWithValue("$id", runId);
        using var row = await run.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken)) return null;
        return new StoredRun(
            ReadListing(row, variants),
            row.GetString(7),
            row.GetString(8),
            row.GetString(9),
            phases,
            row.IsDBNull(10) ? null : StoredValues.ParseJson<RunResult>(row.GetString(10)));
    }

    /// <summary>Reads the listing columns, which every query selects first and in <see cref="ListingColumns"/> order.</summary>
    private static RunListing ReadListing(SqliteDataReader reader, IReadOnlyList<VariantHeadline> variants) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        StoredValues.ParseStatus(reader.GetString(3)),
        StoredValues.ParseTimestamp(reader.GetString(4)),
        reader.IsDBNull(5) ? null : StoredValues.ParseTimestamp(reader.GetString(5)),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        variants);

    private static VariantHeadline ReadHeadline(SqliteDataReader reader, int first) => new(
        reader.GetString(first),
        reader.IsDBNull(first + 2) ? double.NaN : reader.GetDouble(first + 2),
        reader.IsDBNull(first + 3) ? double.NaN : reader.GetDouble(first + 3),
        StoredValues.ParseStatus(reader.GetString(first + 1)));

    /// <summary>A GLOB pattern matching ids that start with the prefix; run ids are opaque, so wildcards in it match only themselves.</summary>
    private static string GlobPrefix(string prefix)
    {
        var escaped = new System.Text.StringBuilder(prefix.Length + 1);
        foreach (var c in prefix)
        {
            if (c is '*' or '?' or '[') escaped.Append('[').Append(c).Append(']');
            else escaped.Append(c);
        }
        return escaped.Append('*').ToString();
    }
}
