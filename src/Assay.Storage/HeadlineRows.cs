using Assay.Core.Results;
using Microsoft.Data.Sqlite;

namespace Assay.Storage;

/// <summary>
/// Each variant's headline figures (<c>run_variants</c>), copied from the result document so a listing
/// of many runs reads a few columns instead of parsing every document.
/// </summary>
internal static class HeadlineRows
{
    public static async Task ReplaceAsync(SqliteConnection connection, SqliteTransaction transaction, RunResult result, CancellationToken cancellationToken)
    {
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM run_variants WHERE run_id = $id";
            delete.Parameters.AddWithValue("$id", result.RunId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO run_variants (run_id, position, variant, status, throughput, p99_ms, requests, errors)
            VALUES ($id, $position, $variant, $status, $throughput, $p99, $requests, $errors)
            """;
        insert.Parameters.AddWithValue("$id", result.RunId);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        var variant = insert.Parameters.Add("$variant", SqliteType.Text);
        var status = insert.Parameters.Add("$status", SqliteType.Text);
        var throughput = insert.Parameters.Add("$throughput", SqliteType.Real);
        var p99 = insert.Parameters.Add("$p99", SqliteType.Real);
        var requests = insert.Parameters.Add("$requests", SqliteType.Integer);
        var errors = insert.Parameters.Add("$errors", SqliteType.Integer);
        for (var i = 0; i < result.Variants.Count; i++)
        {
            var v = result.Variants[i];
            position.Value = i;
            variant.Value = v.Name;
            status.Value = StoredValues.Status(v.Status);
            throughput.Value = StoredValues.Real(v.Workload.Throughput);
            p99.Value = StoredValues.Real(v.Workload.LatencyMs.P99);
            requests.Value = v.Workload.Requests;
            errors.Value = v.Workload.Errors;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
