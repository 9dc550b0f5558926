using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Sessions;

namespace Assay.Workloads.Sql;

/// <summary>
/// pgbench's scenarios from C#: PostgreSQL through Npgsql, MariaDB through MySqlConnector, chosen by the
/// target's protocol. Loads pgbench's tables at the plan's scale (timed, before the warm-up), then runs
/// one transaction in flight per connection, closed or open model.
/// </summary>
/// <remarks>
/// Npgsql always speaks PostgreSQL's extended protocol: <c>prepared: true</c> compares with <c>pgbench -M prepared</c>,
/// <c>prepared: false</c> with <c>pgbench -M extended</c>; nothing here matches pgbench's default simple protocol.
/// </remarks>
public sealed class SqlDriver : IWorkloadDriver
{
    public async Task<WorkloadMeasurement> RunAsync(WorkloadRun run, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Plan is not SqlWorkloadPlan plan)
            throw new ArgumentException($"The sql driver cannot run a '{run.Plan.Driver}' workload.", nameof(run));
        var targets = run.Target;
        if (targets.Count == 0)
            throw new ArgumentException("The sql workload has no target server.", nameof(run));
        var dialect = SqlDialect.For(targets[0].Address);
        if (targets.Any(t => t.Address.Scheme != dialect.Protocol))
            throw new ArgumentException($"The sql workload's targets speak different protocols: {string.Join(", ", targets.Select(t => t.Address.Scheme).Distinct())}.", nameof(run));

        var workload = new SessionWorkload([plan.Operation], [1.0], [], plan.Model, plan.WarmUp, plan.Duration, plan.OperationUnit, run.Seed);
        // Replicas of a database are separate servers here, each with its own tables and its own book.
        var load = TimeSpan.Zero;
        var books = new AccountBook[targets.Count];
        try
        {
            for (var i = 0; i < targets.Count; i++)
            {
                load += await SqlLoader.LoadAsync(dialect, targets[i], plan.Scale, cancellationToken);
                books[i] = new AccountBook(plan.Scale * SqlWorkloadPlan.AccountsPerScale);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return WithStats(SessionEngine.Nothing(workload), plan, load);
        }

        var measurement = await SessionEngine.RunAsync(
            workload,
            (index, token) => SqlSession.OpenAsync(dialect, targets[index % targets.Count], plan, books[index % targets.Count], SessionSeed(run.Seed, index), token),
            progress,
            cancellationToken);
        return WithStats(measurement, plan, load);
    }

    private static WorkloadMeasurement WithStats(WorkloadMeasurement measurement, SqlWorkloadPlan plan, TimeSpan load) => measurement with
    {
        Stats = new Dictionary<string, double>(measurement.Stats)
        {
            ["loadSeconds"] = Math.Round(load.TotalSeconds, 3),
            ["scale"] = plan.Scale,
        },
    };

    /// <summary>Each connection's own random stream (accounts, deltas), distinct from the engine's and reproducible.</summary>
    private static int SessionSeed(int seed, int index) => unchecked((seed * 7919) + (index * 104_729) + 17);
}
