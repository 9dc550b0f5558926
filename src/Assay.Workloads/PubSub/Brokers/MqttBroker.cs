using System.Buffers;
using Assay.Core.Plans;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Assay.Workloads.PubSub.Brokers;

/// <summary>
/// MQTT 3.1.1 through MQTTnet: every subscriber subscribes to the topic on its own client, at the plan's QoS.
/// QoS 0 publishes count once written; QoS 1 publishes once the broker's PUBACK arrives (MQTTnet's publish
/// waits for it, so a publisher has one QoS 1 message in flight at a time). Persistent delivery keeps each
/// subscriber's session (clean session off), so the broker queues and stores what it has not delivered.
/// </summary>
internal sealed class MqttBroker(PubSubWorkloadPlan plan, IReadOnlyList<TargetEndpoint> endpoints, string runName) : IBroker
{
    private readonly MqttClientFactory _factory = new();
    private readonly MqttQualityOfServiceLevel _qos = plan.Qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;

    public IReadOnlyDictionary<string, double> ClientStats => new Dictionary<string, double>();

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IAsyncDisposable> SubscribeAsync(int index, MessageHandler handler, CancellationToken cancellationToken)
    {
        var client = _factory.CreateMqttClient();
        try
        {
            client.ApplicationMessageReceivedAsync += received =>
            {
                var payload = received.ApplicationMessage.Payload;
                if (payload.IsSingleSegment)
                {
                    handler(payload.FirstSpan);
                }
                else
                {
                    var copy = ArrayPool<byte>.Shared.Rent((int)payload.Length);
                    payload.CopyTo(copy);
                    handler(copy.AsSpan(0, (int)payload.Length));
                    ArrayPool<byte>.Shared.Return(copy);
                }
                return Task.CompletedTask;
            };
            await ConnectAsync(client, Options("sub", index), cancellationToken);
            var result = await client.SubscribeAsync(_factory.CreateSubscribeOptionsBuilder().WithTopicFilter(plan.Subject, _qos).Build(), cancellationToken);
            var granted = result.Items.Single().ResultCode;
            if ((int)granted != (int)_qos)
                throw new InvalidOperationException($"The MQTT broker granted subscriber {index} '{granted}' on '{plan.Subject}', not QoS {plan.Qos}.");
            return new Subscription(new CancellationTokenSource(), Task.CompletedTask, () => DisconnectAsync(client));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<IBrokerPublisher> ConnectPublisherAsync(int index, CancellationToken cancellationToken)
    {
        var client = _factory.CreateMqttClient();
        try
        {
            await ConnectAsync(client, Options("pub", index), cancellationToken);
            return new Publisher(client, plan.Subject, _qos);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private MqttClientOptions Options(string role, int index)
    {
        var endpoint = endpoints[index % endpoints.Count];
        var builder = _factory.CreateClientOptionsBuilder()
            .WithTcpServer(endpoint.Address.Host, endpoint.Address.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId($"{runName}-{role}-{index}")
            .WithCleanSession(!plan.Persistent)
            .WithTimeout(plan.Timeout)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        if (endpoint.Connection.TryGetValue("user", out var user))
            builder = builder.WithCredentials(user, endpoint.Connection.GetValueOrDefault("password"));
        return builder.Build();
    }

    /// <summary>Connects, failing unless the broker accepts: MQTTnet returns a refusal (a wrong password, say) as a result code.</summary>
    private static async Task ConnectAsync(IMqttClient client, MqttClientOptions options, CancellationToken cancellationToken)
    {
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"The MQTT broker refused the connection: {result.ResultCode} {result.ReasonString}".TrimEnd());
    }

    private static async Task DisconnectAsync(IMqttClient client)
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(new MqttClientDisconnectOptions());
        }
        finally
        {
            client.Dispose();
        }
    }

    private sealed class Publisher(IMqttClient client, string topic, MqttQualityOfServiceLevel qos) : IBrokerPublisher
    {
        public async ValueTask SendAsync(ReadOnlyMemory<byte> body, long sequence, long due, PublishLedger ledger, CancellationToken cancellationToken)
        {
            var message = new MqttApplicationMessage
            {
                Topic = topic,
                Payload = new ReadOnlySequence<byte>(body),
                QualityOfServiceLevel = qos,
            };
            var result = await client.PublishAsync(message, cancellationToken);
            if (result.IsSuccess) ledger.Confirmed(sequence, due);
            else ledger.Failed(sequence, due, PublishLedger.PublishFailed);
        }

        public async ValueTask DisposeAsync() => await Closing.BoundedAsync(() => DisconnectAsync(client));
    }
}
