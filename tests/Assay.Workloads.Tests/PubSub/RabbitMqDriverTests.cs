using Assay.Testing;

namespace Assay.Workloads.Tests.PubSub;

/// <summary>One RabbitMQ for the tests of a class: it takes seconds to start (a minute on a busy machine).</summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private CatalogServer? _server;

    public CatalogServer Server => _server ?? throw new InvalidOperationException("RabbitMQ has not started.");

    public async Task InitializeAsync() => _server = await CatalogServer.StartAsync("rabbitmq", CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>The pubsub driver against a real RabbitMQ from the shipped catalog: transient and durable delivery.</summary>
public sealed class RabbitMqDriverTests(RabbitMqFixture rabbit) : IClassFixture<RabbitMqFixture>
{
    [Theory(Timeout = 300_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_subscriber_gets_every_message_once_in_order(bool persistent)
    {
        var plan = PubSubPlans.Plan(rate: 300, publishers: 2, subscribers: 3, persistent: persistent);

        var measurement = await PubSubPlans.RunAsync(plan, rabbit.Server.Endpoints());

        BrokerChecks.AssertClean(measurement, rate: 300, windowSeconds: 2, subscribers: 3);
    }

    [Fact(Timeout = 300_000)]
    public async Task The_broker_refuses_the_default_guest_user_and_a_wrong_password()
    {
        var endpoint = rabbit.Server.Endpoints()[0];
        Assert.Equal("assay", endpoint.Connection["user"]);
        Assert.Equal(24, endpoint.Connection["password"].Length);
        var plan = PubSubPlans.Plan(rate: 50, durationSeconds: 1);
        var wrong = new Core.Plans.TargetEndpoint(endpoint.Address, new Dictionary<string, string> { ["user"] = "guest", ["password"] = "guest" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PubSubPlans.RunAsync(plan, [wrong]));

        Assert.Contains($"amqp://127.0.0.1:{endpoint.Address.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(endpoint.Connection["password"], error.Message, StringComparison.Ordinal);
    }
}
