using System.Text;
using Assay.Core.Plans;
using Assay.Testing;
using NATS.Client.Core;

namespace Assay.Workloads.Tests.PubSub;

/// <summary>The pubsub driver against a real NATS server from the shipped catalog: core NATS and JetStream.</summary>
public sealed class NatsDriverTests
{
    [Theory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_subscriber_gets_every_message_once_in_order(bool persistent)
    {
        await using var nats = await CatalogServer.StartAsync("nats", CancellationToken.None);
        var plan = PubSubPlans.Plan(rate: 300, publishers: 2, subscribers: 3, persistent: persistent);

        var measurement = await PubSubPlans.RunAsync(plan, nats.Endpoints());

        BrokerChecks.AssertClean(measurement, rate: 300, windowSeconds: 2, subscribers: 3);
        Assert.Equal(0, measurement.Stats["clientDropped"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Messages_published_behind_the_drivers_back_on_its_subject_are_errors()
    {
        await using var nats = await CatalogServer.StartAsync("nats", CancellationToken.None);
        var endpoint = nats.Endpoints()[0];
        var plan = PubSubPlans.Plan(rate: 100, subscribers: 2, warmUpSeconds: 0.5, durationSeconds: 3, subject: "assay.intruded");
        await using var intruder = new NatsConnection(NatsOpts.Default with { Url = $"nats://{endpoint.Address.Host}:{endpoint.Address.Port}" });
        await intruder.ConnectAsync();

        var running = PubSubPlans.RunAsync(plan, [endpoint]);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var forged = new byte[plan.MessageBytes];
        Encoding.ASCII.GetBytes("ASY1 but not from this run").CopyTo(forged, 0);
        for (var i = 0; i < 5; i++) await intruder.PublishAsync(plan.Subject, forged);
        var measurement = await running;

        // Each subscriber got the 5 forged messages: 10 malformed deliveries, counted as failures, never as throughput.
        Assert.Equal(10, measurement.ErrorKinds["malformed"]);
        Assert.Equal(10, measurement.Failed);
        Assert.Equal((long)measurement.Stats["published"] * 2, measurement.Succeeded);
        Assert.True(measurement.ErrorRate > 0);
    }

    /// <summary>
    /// A genuine message of the run, right run mark, publisher, sequence and send time, delivered again: only the
    /// sequence numbers give it away. A broker that redelivered would look exactly like this.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task A_message_of_the_run_replayed_on_its_subject_is_a_duplicate_for_every_subscriber_not_throughput()
    {
        await using var nats = await CatalogServer.StartAsync("nats", CancellationToken.None);
        var endpoint = nats.Endpoints()[0];
        var plan = PubSubPlans.Plan(rate: 100, subscribers: 2, warmUpSeconds: 0.5, durationSeconds: 3, subject: "assay.replayed");
        await using var replayer = new NatsConnection(NatsOpts.Default with { Url = $"nats://{endpoint.Address.Host}:{endpoint.Address.Port}" });
        await replayer.ConnectAsync();
        await using var tap = await replayer.SubscribeCoreAsync<byte[]>(plan.Subject);
        await replayer.PingAsync();

        var running = PubSubPlans.RunAsync(plan, [endpoint]);
        // Well inside the window: the message taken was due after warm-up, and its copies arrive before the window closes.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        byte[]? genuine = null;
        while (tap.Msgs.TryRead(out var message)) genuine = message.Data ?? genuine;
        Assert.NotNull(genuine);
        for (var i = 0; i < 3; i++) await replayer.PublishAsync(plan.Subject, genuine);
        var measurement = await running;

        // Each subscriber got each of the 3 copies after the original: 6 duplicates, failed deliveries, and nothing else wrong.
        Assert.Equal(new Dictionary<string, long> { ["duplicate"] = 6 }, measurement.ErrorKinds);
        Assert.Equal(6, measurement.Failed);
        Assert.Equal(6, measurement.Stats["duplicates"]);
        Assert.Equal(0, measurement.Stats["lost"]);
        Assert.Equal((long)measurement.Stats["published"] * 2, measurement.Succeeded);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_target_that_is_not_a_broker_fails_at_once_with_the_address()
    {
        var plan = PubSubPlans.Plan();
        var endpoint = new TargetEndpoint(new Uri("nats://127.0.0.1:9"), new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PubSubPlans.RunAsync(plan, [endpoint]));

        Assert.Contains("nats://127.0.0.1:9", error.Message, StringComparison.Ordinal);
        Assert.Contains("subscriber 0", error.Message, StringComparison.Ordinal);
    }
}
