using Assay.Core.Plans;
using NATS.Client.Core;

namespace Assay.Workloads.PubSub.Brokers;

/// <summary>
/// Core NATS: at-most-once pub/sub. Every subscriber subscribes to the subject on its own connection; a
/// message is published once it is in the client's write buffer (core NATS confirms nothing).
/// </summary>
internal sealed class NatsBroker(PubSubWorkloadPlan plan, IReadOnlyList<TargetEndpoint> endpoints, string runName) : IBroker
{
    private readonly NatsConnections _connections = new(plan, endpoints, runName);

    public IReadOnlyDictionary<string, double> ClientStats => new Dictionary<string, double> { ["clientDropped"] = _connections.Dropped };

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IAsyncDisposable> SubscribeAsync(int index, MessageHandler handler, CancellationToken cancellationToken)
    {
        var connection = await _connections.OpenAsync("sub", index, cancellationToken);
        try
        {
            var subscription = await connection.SubscribeCoreAsync<NatsMemoryOwner<byte>>(plan.Subject, cancellationToken: cancellationToken);
            // The server has the subscription once it answers a ping sent after it.
            await connection.PingAsync(cancellationToken);
            var reading = new CancellationTokenSource();
            var reader = Task.Run(async () =>
            {
                await foreach (var message in subscription.Msgs.ReadAllAsync(reading.Token))
                {
                    using var data = message.Data;
                    handler(data.Span);
                }
            }, CancellationToken.None);
            return new Subscription(reading, reader, async () =>
            {
                await subscription.DisposeAsync();
                await connection.DisposeAsync();
            });
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IBrokerPublisher> ConnectPublisherAsync(int index, CancellationToken cancellationToken) =>
        new Publisher(await _connections.OpenAsync("pub", index, cancellationToken), plan.Subject);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Publisher(NatsConnection connection, string subject) : IBrokerPublisher
    {
        public async ValueTask SendAsync(ReadOnlyMemory<byte> body, long sequence, long due, PublishLedger ledger, CancellationToken cancellationToken)
        {
            await connection.PublishAsync(subject, body, cancellationToken: cancellationToken);
            ledger.Confirmed(sequence, due);
        }

        public async ValueTask DisposeAsync() => await Closing.BoundedAsync(() => connection.DisposeAsync().AsTask());
    }
}
