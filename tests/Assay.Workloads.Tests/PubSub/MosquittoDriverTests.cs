using Assay.Testing;
using Assay.Core.Plans;
using MQTTnet;

namespace Assay.Workloads.Tests.PubSub;

/// <summary>The pubsub driver against a real Mosquitto from the shipped catalog: QoS 0, QoS 1, persistent sessions.</summary>
public sealed class MosquittoDriverTests
{
    [Theory(Timeout = 120_000)]
    [InlineData(0, false, "false")]
    [InlineData(1, false, "false")]
    [InlineData(1, true, "true")]
    public async Task Every_subscriber_gets_every_message_once_in_order(int qos, bool persistent, string brokerPersistence)
    {
        await using var mosquitto = await CatalogServer.StartAsync("mosquitto", CancellationToken.None, new Dictionary<string, string> { ["persistence"] = brokerPersistence });
        var plan = PubSubPlans.Plan(rate: 300, publishers: 2, subscribers: 3, persistent: persistent, qos: qos);

        var measurement = await PubSubPlans.RunAsync(plan, mosquitto.Endpoints());

        BrokerChecks.AssertClean(measurement, rate: 300, windowSeconds: 2, subscribers: 3);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_broker_refuses_clients_without_the_instance_password()
    {
        await using var mosquitto = await CatalogServer.StartAsync("mosquitto", CancellationToken.None);
        var endpoint = mosquitto.Endpoints()[0];
        Assert.Equal("assay", endpoint.Connection["user"]);
        var plan = PubSubPlans.Plan(rate: 50, durationSeconds: 1);
        var wrong = new TargetEndpoint(endpoint.Address, new Dictionary<string, string> { ["user"] = "assay", ["password"] = "wrong" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PubSubPlans.RunAsync(plan, [wrong]));
        var measurement = await PubSubPlans.RunAsync(plan, [endpoint]);

        Assert.Contains("refused the connection: NotAuthorized", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, measurement.Failed);
        Assert.True(measurement.Succeeded > 0);
    }

    [Fact(Timeout = 120_000)]
    public async Task Messages_published_behind_the_drivers_back_on_its_topic_are_errors()
    {
        await using var mosquitto = await CatalogServer.StartAsync("mosquitto", CancellationToken.None);
        var endpoint = mosquitto.Endpoints()[0];
        var plan = PubSubPlans.Plan(rate: 100, subscribers: 1, durationSeconds: 3, subject: "assay/intruded");
        var factory = new MqttClientFactory();
        using var intruder = factory.CreateMqttClient();
        await intruder.ConnectAsync(factory.CreateClientOptionsBuilder()
            .WithTcpServer(endpoint.Address.Host, endpoint.Address.Port).WithCredentials(endpoint.Connection["user"], endpoint.Connection["password"]).Build());

        var running = PubSubPlans.RunAsync(plan, [endpoint]);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        for (var i = 0; i < 3; i++)
            await intruder.PublishAsync(factory.CreateApplicationMessageBuilder().WithTopic(plan.Subject).WithPayload(new byte[plan.MessageBytes]).Build());
        var measurement = await running;

        Assert.Equal(3, measurement.ErrorKinds["malformed"]);
        Assert.Equal(3, measurement.Failed);
    }
}
