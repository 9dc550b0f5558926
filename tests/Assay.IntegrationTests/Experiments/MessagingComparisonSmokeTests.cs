using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>
/// experiments/messaging-comparison through the real CLI, at smoke-test length: every variant, in one run per
/// broker (persistence off and on), at a rate low enough for a busy 2-core machine.
/// </summary>
public sealed class MessagingComparisonSmokeTests : IDisposable
{
    private const double Rate = 100;
    private const double WindowSeconds = 3;
    private const int Subscribers = 4;
    private readonly LabFolder _lab = new();

    [Theory(Timeout = 200_000)]
    [InlineData("nats", "nats-server", new[] { "nats-core", "nats-jetstream" })]
    [InlineData("rabbitmq", "rabbitmq-server", new[] { "rabbitmq-transient", "rabbitmq-durable" })]
    [InlineData("mosquitto", "mosquitto", new[] { "mosquitto-qos0", "mosquitto-qos1" })]
    public async Task Every_message_reaches_all_four_subscribers_once_in_order_and_nothing_is_left(string broker, string command, string[] names)
    {
        var experiment = ExperimentFiles.WithVariants(_lab, "messaging-comparison", name => name.StartsWith(broker + "-", StringComparison.Ordinal));

        var (code, cli, processes) = await _lab.RunWatchingAsync(TimeSpan.FromSeconds(190),
            "run", experiment, "--duration", $"{WindowSeconds}s", "--trials", "1", "--param", "warm-up=1s", "--param", $"rate={Rate}/s",
            // As the driver's own tests do (PubSubPlans): on two cores shared with builds, a timer can fire tens of
            // milliseconds late, which is the test machine's lag, not what this test is about.
            "--param", "lag-tolerance=200ms");

        Assert.True(code == 0, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        var variants = _lab.Result(runId)["variants"]!.AsArray();
        Assert.Equal(names, variants.Select(v => (string?)v!["name"]));
        foreach (var variant in variants)
        {
            var name = (string)variant!["name"]!;
            var workload = variant["workload"]!;
            var stats = workload["stats"]!;
            var why = $"{name}: {workload["errorKinds"]?.ToJsonString()} {stats.ToJsonString()}";
            Assert.True((string?)variant["status"] == "passed", why);
            Assert.True((double)workload["throughput"]! > 0, why);
            Assert.True((long)workload["errors"]! == 0, why);
            // Every message due in the window was published and confirmed, and reached every subscriber once, in order.
            var published = (double)stats["published"]!;
            Assert.InRange(published, Rate * WindowSeconds - 1, Rate * WindowSeconds + 1);
            Assert.Equal(Subscribers, (double)stats["subscribers"]!);
            Assert.Equal(published * Subscribers, (double)stats["expected"]!);
            Assert.Equal(published * Subscribers, (double)stats["received"]!);
            foreach (var mistake in new[] { "lost", "duplicates", "reordered", "malformed", "publishFailed" })
                Assert.True((double)stats[mistake]! == 0, $"{name}: {mistake} {stats[mistake]}");
            Assert.Equal(published * Subscribers, (long)workload["requests"]!);
            var server = variant["components"]!.AsArray().Single(c => (string?)c!["name"] == "broker")!;
            Assert.True((double)server["cpuSeconds"]! > 0, $"{name}: the broker used no CPU");
            Assert.True((long)server["memoryPeakBytes"]! > 0);
        }
        Assert.Contains(processes, p => p.Command == command);
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
