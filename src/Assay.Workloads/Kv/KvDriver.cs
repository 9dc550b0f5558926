using System.Diagnostics;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Sessions;

namespace Assay.Workloads.Kv;

/// <summary>
/// A GET/SET mix over a keyspace: Redis through StackExchange.Redis, memcached through the driver's own
/// text-protocol client, chosen by the target's protocol. Preloads every key (timed, before the warm-up)
/// so GETs hit from the start, then runs one request in flight per connection, closed or open model.
/// Every answer is checked against what the key may hold.
/// </summary>
public sealed class KvDriver : IWorkloadDriver
{
    /// <summary>Connections the preload writes over, per server.</summary>
    private const int PreloadConnections = 8;

    public async Task<WorkloadMeasurement> RunAsync(WorkloadRun run, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Plan is not KvWorkloadPlan plan)
            throw new ArgumentException($"The kv driver cannot run a '{run.Plan.Driver}' workload.", nameof(run));
        var targets = run.Target;
        if (targets.Count == 0)
            throw new ArgumentException("The kv workload has no target server.", nameof(run));
        if (plan.ValueBytes < KvWorkloadPlan.MinValueBytes)
            throw new ArgumentException($"Kv values need at least {KvWorkloadPlan.MinValueBytes} bytes to hold their key and version, not {plan.ValueBytes}.", nameof(run));
        var connect = Connector(targets, plan);

        var workload = new SessionWorkload(
            [KvWorkloadPlan.GetOperation, KvWorkloadPlan.SetOperation], [plan.GetRatio, 1 - plan.GetRatio], KvSession.Notes,
            plan.Model, plan.WarmUp, plan.Duration, plan.OperationUnit, run.Seed);
        // Replicas are separate servers here (nothing replicates between them): a book and a preload each.
        var books = targets.Select(_ => new KeyBook(plan.Keyspace, plan.Preload)).ToArray();
        var preload = TimeSpan.Zero;
        try
        {
            if (plan.Preload)
            {
                for (var i = 0; i < targets.Count; i++) preload += await PreloadAsync(connect, targets[i], plan, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return WithStats(SessionEngine.Nothing(workload), preload);
        }

        var keys = KeyChooser.For(plan);
        var measurement = await SessionEngine.RunAsync(
            workload,
            async (index, token) =>
            {
                var target = index % targets.Count;
                var client = await connect(targets[target], token);
                return new KvSession(client, plan, books[target], keys, unchecked((run.Seed * 7919) + (index * 104_729) + 31));
            },
            progress,
            cancellationToken);
        return WithStats(measurement, preload);
    }

    private static Func<TargetEndpoint, CancellationToken, Task<IKvClient>> Connector(IReadOnlyList<TargetEndpoint> targets, KvWorkloadPlan plan)
    {
        var schemes = targets.Select(t => t.Address.Scheme).Distinct().ToList();
        return schemes switch
        {
            ["redis"] => (endpoint, token) => RedisKvClient.ConnectAsync(endpoint, plan.Timeout, token),
            ["memcached"] => (endpoint, token) => MemcachedClient.ConnectAsync(endpoint, plan.ValueBytes, plan.Timeout, token),
            _ => throw new ArgumentException(
                $"The kv driver speaks redis and memcached; the targets speak {string.Join(", ", schemes)}.", nameof(targets)),
        };
    }

    /// <summary>Writes version 0 of every key over a few connections; how long it took. Any failure fails the run.</summary>
    private static async Task<TimeSpan> PreloadAsync(
        Func<TargetEndpoint, CancellationToken, Task<IKvClient>> connect, TargetEndpoint target, KvWorkloadPlan plan, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var writers = Math.Min(PreloadConnections, plan.Keyspace);
        var clients = new List<IKvClient>();
        try
        {
            for (var i = 0; i < writers; i++) clients.Add(await connect(target, cancellationToken));
            await Task.WhenAll(clients.Select(async (client, writer) =>
            {
                for (var key = writer; key < plan.Keyspace; key += writers)
                    await KvSession.PreloadAsync(client, key, plan.ValueBytes, cancellationToken);
            }));
        }
        catch (Exception e) when (e is KvServerException or TimeoutException or IOException)
        {
            throw new InvalidOperationException($"The kv driver could not preload {plan.Keyspace} keys into {target.Address}: {e.Message}", e);
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
        return Stopwatch.GetElapsedTime(started);
    }

    private static WorkloadMeasurement WithStats(WorkloadMeasurement measurement, TimeSpan preload) => measurement with
    {
        Stats = new Dictionary<string, double>(measurement.Stats)
        {
            ["hits"] = measurement.Stats.GetValueOrDefault("hits"),
            ["misses"] = measurement.Stats.GetValueOrDefault("misses"),
            ["preloadSeconds"] = Math.Round(preload.TotalSeconds, 3),
        },
    };
}
