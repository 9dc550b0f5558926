using System.Data.Common;
using System.Diagnostics;
using Assay.Core.Plans;

namespace Assay.Workloads.Sql;

/// <summary>Creates pgbench's tables and fills them at the workload's scale, before anything is measured.</summary>
internal static class SqlLoader
{
    /// <summary>Drops and reloads the tables on one server; how long it took.</summary>
    public static async Task<TimeSpan> LoadAsync(SqlDialect dialect, TargetEndpoint endpoint, int scale, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // No command timeout: a large scale on a slow disk takes what it takes, and cancellation still ends it.
        await using var connection = dialect.CreateConnection(endpoint, TimeSpan.Zero);
        try
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var statement in dialect.LoadStatements(scale))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (DbException e)
        {
            throw new InvalidOperationException(
                $"The sql driver could not load pgbench's tables (scale {scale}) into {endpoint.Address}: {e.Message}", e);
        }
        return Stopwatch.GetElapsedTime(started);
    }
}
