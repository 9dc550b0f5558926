using Assay.Core.Plans;
using NATS.Client.Core;

namespace Assay.Workloads.PubSub.Brokers;

/// <summary>Opens NATS connections for one run and counts what the client dropped on any of them.</summary>
internal sealed class NatsConnections(PubSubWorkloadPlan plan, IReadOnlyList<TargetEndpoint> endpoints, string runName)
{
    // Deep enough that the driver never drops for want of room at the rates it is meant for; a drop is counted.
    private const int PendingMessages = 1 << 17;

    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public async Task<NatsConnection> OpenAsync(string role, int index, CancellationToken cancellationToken)
    {
        var endpoint = endpoints[index % endpoints.Count];
        var auth = endpoint.Connection.TryGetValue("user", out var user)
            ? NatsAuthOpts.Default with { Username = user, Password = endpoint.Connection.GetValueOrDefault("password") }
            : NatsAuthOpts.Default;
        var options = NatsOpts.Default with
        {
            Url = $"nats://{endpoint.Address.Host}:{endpoint.Address.Port}",
            Name = $"{runName}-{role}-{index}",
            AuthOpts = auth,
            ConnectTimeout = plan.Timeout,
            RequestTimeout = plan.Timeout,
            CommandTimeout = plan.Timeout,
            SubPendingChannelCapacity = PendingMessages,
            // A broker that dies mid-run fails the run; reconnecting would only blur when it happened.
            MaxReconnectRetry = 0,
        };
        var connection = new NatsConnection(options);
        connection.MessageDropped += (_, _) =>
        {
            Interlocked.Increment(ref _dropped);
            return ValueTask.CompletedTask;
        };
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
