using Assay.Core.Plans;

namespace Assay.Workloads.PubSub.Brokers;

/// <summary>Picks the broker client for a target's protocol (its endpoints' scheme) and the plan's persistence.</summary>
internal static class BrokerFactory
{
    public static readonly IReadOnlyList<string> Protocols = ["nats", "amqp", "mqtt"];

    public static IBroker Create(PubSubWorkloadPlan plan, IReadOnlyList<TargetEndpoint> endpoints, string runName)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Count == 0)
            throw new ArgumentException("The pubsub workload has no broker to connect to.", nameof(endpoints));
        var address = endpoints[0].Address;
        return address.Scheme switch
        {
            "nats" => plan.Persistent ? new JetStreamBroker(plan, endpoints, runName) : new NatsBroker(plan, endpoints, runName),
            "amqp" => new RabbitMqBroker(plan, endpoints, runName),
            "mqtt" => new MqttBroker(plan, endpoints, runName),
            _ => throw new ArgumentException(
                $"The pubsub driver speaks {string.Join(", ", Protocols)}; the target {address.Host}:{address.Port} speaks {address.Scheme}.", nameof(endpoints)),
        };
    }
}
