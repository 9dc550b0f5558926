using Assay.Core.Measurements;
using Assay.Core.Results;
using Microsoft.Data.Sqlite;

namespace Assay.Storage;

/// <summary>
/// A trial's time series as rows of <c>workload_seconds</c> and <c>usage_samples</c>. A sample keeps its
/// position within its instance (<c>seq</c>), so two samples at the same offset are both kept, in order.
/// Read back, instances are sorted by component and replica; an instance with no samples leaves no rows.
/// </summary>
internal static class SeriesRows
{
    private const string Key = "run_id = $run AND trial = $trial AND variant = $variant";

    public static async Task<bool> ExistAsync(SqliteConnection connection, SqliteTransaction transaction, string runId, int trial, string variant, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, runId, trial, variant,
            $"SELECT EXISTS (SELECT 1 FROM workload_seconds WHERE {Key}) OR EXISTS (SELECT 1 FROM usage_samples WHERE {Key})");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Replaces whatever was stored for the trial, so recording a trial twice keeps the last series.</summary>
    public static async Task ReplaceAsync(SqliteConnection connection, SqliteTransaction transaction, string runId, int trial, string variant, TrialSeries series, CancellationToken cancellationToken)
    {
        using (var delete = Command(connection, transaction, runId, trial, variant, $"DELETE FROM workload_seconds WHERE {Key}; DELETE FROM usage_samples WHERE {Key}"))
            await delete.ExecuteNonQueryAsync(cancellationToken);

        using (var insert = Command(connection, transaction, runId, trial, variant, """
            INSERT INTO workload_seconds (run_id, trial, variant, second, succeeded, failed)
            VALUES ($run, $trial, $variant, $second, $succeeded, $failed)
            """))
        {
            var second = insert.Parameters.Add("$second", SqliteType.Integer);
            var succeeded = insert.Parameters.Add("$succeeded", SqliteType.Integer);
            var failed = insert.Parameters.Add("$failed", SqliteType.Integer);
            foreach (var count in series.Workload)
            {
                cancellationToken.ThrowIfCancellationRequested();
                second.Value = count.Second;
                succeeded.Value = count.Succeeded;
                failed.Value = count.Failed;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        using (var insert = Command(connection, transaction, runId, trial, variant, """
            INSERT INTO usage_samples (run_id, trial, variant, component, replica, seq, offset_seconds, cpu_seconds, memory_bytes)
            VALUES ($run, $trial, $variant, $component, $replica, $seq, $offset, $cpu, $memory)
            """))
        {
            var component = insert.Parameters.Add("$component", SqliteType.Text);
            var replica = insert.Parameters.Add("$replica", SqliteType.Integer);
            var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            var offset = insert.Parameters.Add("$offset", SqliteType.Real);
            var cpu = insert.Parameters.Add("$cpu", SqliteType.Real);
            var memory = insert.Parameters.Add("$memory", SqliteType.Integer);
            foreach (var instance in series.Components)
            {
                for (var i = 0; i < instance.Samples.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var sample = instance.Samples[i];
                    component.Value = instance.Component;
                    replica.Value = instance.Replica;
                    seq.Value = i;
                    offset.Value = sample.OffsetSeconds;
                    cpu.Value = sample.CpuSeconds;
                    memory.Value = sample.MemoryBytes;
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
    }

    public static async Task<TrialSeries> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, string runId, int trial, string variant, CancellationToken cancellationToken)
    {
        var workload = new List<SecondCount>();
        using (var command = Command(connection, transaction, runId, trial, variant,
            $"SELECT second, succeeded, failed FROM workload_seconds WHERE {Key} ORDER BY second"))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                workload.Add(new SecondCount(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        var instances = new List<(string Component, int Replica, List<UsageSample> Samples)>();
        using (var command = Command(connection, transaction, runId, trial, variant, $"""
            SELECT component, replica, offset_seconds, cpu_seconds, memory_bytes FROM usage_samples
            WHERE {Key} ORDER BY component, replica, seq
            """))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                var replica = reader.GetInt32(1);
                if (instances.Count == 0 || instances[^1].Component != name || instances[^1].Replica != replica)
                    instances.Add((name, replica, []));
                instances[^1].Samples.Add(new UsageSample(reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
            }
        }
        return new TrialSeries(workload, [.. instances.Select(i => new InstanceSeries(i.Component, i.Replica, i.Samples))]);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string runId, int trial, string variant, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$trial", trial);
        command.Parameters.AddWithValue("$variant", variant);
        return command;
    }
}
