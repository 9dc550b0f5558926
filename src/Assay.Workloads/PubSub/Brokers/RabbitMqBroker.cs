using Assay.Core.Plans;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Assay.Workloads.PubSub.Brokers;

/// <summary>
/// RabbitMQ (AMQP 0-9-1): a fanout exchange named after the subject and one queue per subscriber bound to it.
/// Transient: a non-durable exchange, exclusive auto-deleted queues, transient messages, automatic acks.
/// Persistent: a durable exchange and durable queues, persistent messages, publisher confirms, and each
/// delivery acknowledged by its subscriber.
/// </summary>
internal sealed class RabbitMqBroker(PubSubWorkloadPlan plan, IReadOnlyList<TargetEndpoint> endpoints, string runName) : IBroker
{
    // Deliveries in flight to one subscriber before it acknowledges: enough to keep the queue flowing.
    private const ushort Prefetch = 2000;

    private readonly string _exchange = $"{plan.Subject}.{runName}";
    private readonly BasicProperties _properties = new() { DeliveryMode = plan.Persistent ? DeliveryModes.Persistent : DeliveryModes.Transient };

    public IReadOnlyDictionary<string, double> ClientStats => new Dictionary<string, double>();

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync("admin", 0, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(_exchange, ExchangeType.Fanout, durable: plan.Persistent, autoDelete: false, cancellationToken: cancellationToken);
        await channel.CloseAsync(cancellationToken);
        await connection.CloseAsync(cancellationToken);
    }

    public async Task<IAsyncDisposable> SubscribeAsync(int index, MessageHandler handler, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync("sub", index, cancellationToken);
        try
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await channel.BasicQosAsync(0, Prefetch, global: false, cancellationToken);
            var durable = plan.Persistent;
            var queue = await channel.QueueDeclareAsync(durable ? $"{_exchange}.sub-{index}" : "", durable: durable, exclusive: !durable, autoDelete: !durable,
                cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue.QueueName, _exchange, "", cancellationToken: cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                handler(delivery.Body.Span);
                if (durable) await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, delivery.CancellationToken);
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: !durable, consumer, cancellationToken);
            return new Subscription(new CancellationTokenSource(), Task.CompletedTask, () => CloseAsync(connection));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IBrokerPublisher> ConnectPublisherAsync(int index, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync("pub", index, cancellationToken);
        try
        {
            // Confirms are tracked here, not by the client, so sends stay in order and confirmations overlap.
            var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: plan.Persistent, publisherConfirmationTrackingEnabled: false), cancellationToken);
            return new Publisher(connection, channel, _exchange, _properties, plan.Persistent);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<IConnection> ConnectAsync(string role, int index, CancellationToken cancellationToken)
    {
        var endpoint = endpoints[index % endpoints.Count];
        var factory = new ConnectionFactory
        {
            HostName = endpoint.Address.Host,
            Port = endpoint.Address.Port,
            UserName = endpoint.Connection.GetValueOrDefault("user", ConnectionFactory.DefaultUser),
            Password = endpoint.Connection.GetValueOrDefault("password", ConnectionFactory.DefaultPass),
            ClientProvidedName = $"{runName}-{role}-{index}",
            // A broker that dies mid-run fails the run; recovering would only blur when it happened.
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = plan.Timeout,
            ContinuationTimeout = plan.Timeout,
        };
        try
        {
            return await factory.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException ex) when (ex.InnerException is AuthenticationFailureException refused)
        {
            // The password never appears: the broker's reason names the user and the mechanism only.
            throw new InvalidOperationException(
                $"The RabbitMQ broker at amqp://{endpoint.Address.Host}:{endpoint.Address.Port} refused user '{factory.UserName}': {refused.Message}", ex);
        }
    }

    private static async Task CloseAsync(IConnection connection)
    {
        try
        {
            await connection.CloseAsync(Closing.Limit);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private sealed class Publisher : IBrokerPublisher
    {
        private readonly IConnection _connection;
        private readonly IChannel _channel;
        private readonly string _exchange;
        private readonly BasicProperties _properties;
        private readonly bool _confirms;
        private ConfirmTracker? _tracker;

        public Publisher(IConnection connection, IChannel channel, string exchange, BasicProperties properties, bool confirms)
        {
            _connection = connection;
            _channel = channel;
            _exchange = exchange;
            _properties = properties;
            _confirms = confirms;
            _channel.BasicAcksAsync += (_, ack) =>
            {
                _tracker?.Answer(ack.DeliveryTag, ack.Multiple, acked: true);
                return Task.CompletedTask;
            };
            _channel.BasicNacksAsync += (_, nack) =>
            {
                _tracker?.Answer(nack.DeliveryTag, nack.Multiple, acked: false);
                return Task.CompletedTask;
            };
        }

        public async ValueTask SendAsync(ReadOnlyMemory<byte> body, long sequence, long due, PublishLedger ledger, CancellationToken cancellationToken)
        {
            if (!_confirms)
            {
                await _channel.BasicPublishAsync(_exchange, "", mandatory: false, _properties, body, cancellationToken);
                ledger.Confirmed(sequence, due);
                return;
            }
            _tracker ??= new ConfirmTracker(ledger);
            var tag = await _channel.GetNextPublishSequenceNumberAsync(cancellationToken);
            _tracker.Add(tag, sequence, due);
            try
            {
                await _channel.BasicPublishAsync(_exchange, "", mandatory: false, _properties, body, cancellationToken);
            }
            catch
            {
                _tracker.RemoveLast(tag);
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _tracker?.Abandon();
            await Closing.BoundedAsync(() => CloseAsync(_connection));
        }
    }
}
