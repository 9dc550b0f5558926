using Assay.Core.Plans;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Assay.Workloads.PubSub.Brokers;

/// <summary>
/// NATS JetStream, for persistent delivery: a file-backed stream on the subject, kept until every subscriber
/// has acknowledged (interest retention), one durable consumer per subscriber acknowledging each message,
/// and publishes that count once the stream's acknowledgement arrives.
/// </summary>
internal sealed class JetStreamBroker(PubSubWorkloadPlan plan, IReadOnlyList<TargetEndpoint> endpoints, string runName) : IBroker
{
    private readonly NatsConnections _connections = new(plan, endpoints, runName);
    private readonly string _stream = runName.Replace('-', '_').ToUpperInvariant();
    private NatsConnection? _admin;

    public IReadOnlyDictionary<string, double> ClientStats => new Dictionary<string, double> { ["clientDropped"] = _connections.Dropped };

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _admin = await _connections.OpenAsync("admin", 0, cancellationToken);
        var context = new NatsJSContext(_admin);
        await context.CreateStreamAsync(new StreamConfig(_stream, [plan.Subject])
        {
            Storage = StreamConfigStorage.File,
            Retention = StreamConfigRetention.Interest,
        }, cancellationToken);
    }

    public async Task<IAsyncDisposable> SubscribeAsync(int index, MessageHandler handler, CancellationToken cancellationToken)
    {
        var connection = await _connections.OpenAsync("sub", index, cancellationToken);
        try
        {
            var context = new NatsJSContext(connection);
            var name = $"sub-{index}";
            var consumer = await context.CreateOrUpdateConsumerAsync(_stream, new ConsumerConfig(name)
            {
                DurableName = name,
                AckPolicy = ConsumerConfigAckPolicy.Explicit,
                DeliverPolicy = ConsumerConfigDeliverPolicy.All,
                // Far more than a run keeps unacknowledged, so the server never holds deliveries back.
                MaxAckPending = 100_000,
            }, cancellationToken);
            var reading = new CancellationTokenSource();
            var reader = Task.Run(async () =>
            {
                var options = new NatsJSConsumeOpts { MaxMsgs = 1000 };
                await foreach (var message in consumer.ConsumeAsync<NatsMemoryOwner<byte>>(opts: options, cancellationToken: reading.Token))
                {
                    using (var data = message.Data) handler(data.Span);
                    await message.AckAsync(cancellationToken: reading.Token);
                }
            }, CancellationToken.None);
            return new Subscription(reading, reader, () => connection.DisposeAsync().AsTask());
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IBrokerPublisher> ConnectPublisherAsync(int index, CancellationToken cancellationToken) =>
        new Publisher(await _connections.OpenAsync("pub", index, cancellationToken), plan.Subject);

    public async ValueTask DisposeAsync()
    {
        if (_admin is { } admin) await Closing.BoundedAsync(() => admin.DisposeAsync().AsTask());
    }

    /// <summary>Sends in order and waits for the stream's acknowledgements concurrently, each on its own.</summary>
    private sealed class Publisher(NatsConnection connection, string subject) : IBrokerPublisher
    {
        private readonly NatsJSContext _context = new(connection);
        private readonly CancellationTokenSource _abandon = new();
        private int _confirming;

        public async ValueTask SendAsync(ReadOnlyMemory<byte> body, long sequence, long due, PublishLedger ledger, CancellationToken cancellationToken)
        {
            var future = await _context.PublishConcurrentAsync(subject, body, cancellationToken: cancellationToken);
            Interlocked.Increment(ref _confirming);
            _ = ConfirmAsync(future, sequence, due, ledger);
        }

        public async ValueTask DisposeAsync()
        {
            // Acknowledgements still awaited now will not come: each is reported unconfirmed.
            await _abandon.CancelAsync();
            await Closing.BoundedAsync(async () =>
            {
                while (Volatile.Read(ref _confirming) > 0) await Task.Delay(5);
            });
            await Closing.BoundedAsync(() => connection.DisposeAsync().AsTask());
            _abandon.Dispose();
        }

        private async Task ConfirmAsync(NatsJSPublishConcurrentFuture future, long sequence, long due, PublishLedger ledger)
        {
            await using (future)
            {
                try
                {
                    var ack = await future.GetResponseAsync(_abandon.Token);
                    if (ack.IsSuccess()) ledger.Confirmed(sequence, due);
                    else ledger.Failed(sequence, due, PublishLedger.PublishFailed);
                }
                catch (OperationCanceledException)
                {
                    ledger.Failed(sequence, due, PublishLedger.Unconfirmed);
                }
                // A timeout or a lost connection: the broker never said it took the message.
                catch (Exception ex) when (ex is NatsException or TimeoutException)
                {
                    ledger.Failed(sequence, due, PublishLedger.Unconfirmed);
                }
                finally
                {
                    Interlocked.Decrement(ref _confirming);
                }
            }
        }
    }
}
