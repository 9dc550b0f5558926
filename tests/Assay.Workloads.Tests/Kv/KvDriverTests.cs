using System.Net.Sockets;
using System.Text;
using Assay.Core.Plans;
using Assay.Workloads.Kv;
using Assay.Workloads.Sessions;
using Assay.Workloads.Tests.DataStores;

namespace Assay.Workloads.Tests.Kv;

/// <summary>The kv driver against a real server, the same tests for Redis and memcached.</summary>
public abstract class KvDriverTests(DataServer server)
{
    private const int Keyspace = 1000;
    private const int ValueBytes = 100;

    [Fact(Timeout = 120_000)]
    public async Task A_preloaded_mix_hits_every_time_and_leaves_only_values_the_driver_wrote()
    {
        var plan = Plan(0.5, KeyDistribution.Uniform, preload: true, new ClosedModel(8, TimeSpan.Zero, TimeSpan.Zero));

        var measurement = await new KvDriver().RunAsync(Run(plan), null, CancellationToken.None);

        Assert.True(measurement.Failed == 0, string.Join(", ", measurement.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")));
        var (gets, sets) = (measurement.ByOperation[0], measurement.ByOperation[1]);
        Assert.Equal(("get", "set"), (gets.Name, sets.Name));
        Assert.True(gets.Total > 100 && sets.Total > 100, $"{gets.Total} GETs and {sets.Total} SETs in 2 s");
        Assert.Equal(gets.Total, (long)measurement.Stats["hits"]);
        Assert.Equal(0, measurement.Stats["misses"]);
        Assert.True(measurement.Stats["preloadSeconds"] > 0);

        await using var client = await ConnectAsync();
        var key = new byte[KvValues.KeyBytes];
        for (var k = 0; k < Keyspace; k += 37)
        {
            KvValues.WriteKey(key, k);
            var value = await client.GetAsync(key, CancellationToken.None);
            Assert.NotNull(value);
            Assert.NotNull(KvValues.ReadVersion(value.Value.Span, k, ValueBytes));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_preload_misses_are_expected_and_zipfian_keys_still_verify()
    {
        await FlushAsync();
        var plan = Plan(0.9, KeyDistribution.Zipfian, preload: false, new ClosedModel(4, TimeSpan.Zero, TimeSpan.Zero)) with { Keyspace = 100_000 };

        var measurement = await new KvDriver().RunAsync(Run(plan), null, CancellationToken.None);

        Assert.True(measurement.Failed == 0, string.Join(", ", measurement.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")));
        Assert.True(measurement.Stats["misses"] > 0, "keys never set must miss");
        Assert.True(measurement.Stats["hits"] > 0, "hot zipfian keys are set early and hit later");
        Assert.Equal(0, measurement.Stats["preloadSeconds"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Verification_catches_values_changed_behind_the_drivers_back()
    {
        var plan = Plan(1.0, KeyDistribution.Uniform, preload: true, new ClosedModel(4, TimeSpan.Zero, TimeSpan.Zero));
        var tamper = new OnMeasuring(async () =>
        {
            // Each key gets its neighbour's value: well formed, the right size, but not what was SET for it.
            await using var client = await ConnectAsync();
            var (key, value) = (new byte[KvValues.KeyBytes], new byte[ValueBytes]);
            for (var k = 0; k < Keyspace; k++)
            {
                KvValues.WriteKey(key, k);
                KvValues.WriteValue(value, (k + 1) % Keyspace, 0);
                await client.SetAsync(key, value, CancellationToken.None);
            }
        });

        var measurement = await new KvDriver().RunAsync(Run(plan), tamper, CancellationToken.None);
        await tamper.Started;

        Assert.True(tamper.Ran);
        Assert.True(measurement.ErrorKinds.GetValueOrDefault(ErrorKinds.Verification) > 0, "wrong values went unnoticed");
        Assert.Equal(measurement.Failed, measurement.ErrorKinds[ErrorKinds.Verification]);
    }

    [Fact(Timeout = 120_000)]
    public async Task Verification_catches_keys_lost_behind_the_drivers_back()
    {
        var plan = Plan(1.0, KeyDistribution.Uniform, preload: true, new ClosedModel(4, TimeSpan.Zero, TimeSpan.Zero));
        var tamper = new OnMeasuring(FlushAsync);

        var measurement = await new KvDriver().RunAsync(Run(plan), tamper, CancellationToken.None);
        await tamper.Started;

        Assert.True(measurement.ErrorKinds.GetValueOrDefault(KvSession.UnexpectedMiss) > 0, "lost keys went unnoticed");
        Assert.True(measurement.Stats["misses"] > 0);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_open_model_keeps_its_rate()
    {
        var plan = Plan(0.9, KeyDistribution.Uniform, preload: true, new OpenModel(200, 8, TimeSpan.FromMilliseconds(100), 0.2));

        var measurement = await new KvDriver().RunAsync(Run(plan), null, CancellationToken.None);

        var schedule = Assert.IsType<Core.Measurements.ScheduleMeasurement>(measurement.Schedule);
        Assert.Equal(400, schedule.Scheduled);
        Assert.InRange(measurement.Succeeded, 300, 410);
        Assert.Equal(0, measurement.Failed);
    }

    private WorkloadRun Run(KvWorkloadPlan plan) =>
        new(plan, new Dictionary<string, IReadOnlyList<TargetEndpoint>> { [WorkloadPlan.TargetRole] = [server.Endpoint] }, 9);

    private static KvWorkloadPlan Plan(double getRatio, KeyDistribution distribution, bool preload, LoadModel model) =>
        new(new TargetPlan("cache", null, null), getRatio, Keyspace, ValueBytes, distribution, 0.99, preload,
            model, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

    private Task<IKvClient> ConnectAsync() => server.Endpoint.Address.Scheme == "redis"
        ? RedisKvClient.ConnectAsync(server.Endpoint, TimeSpan.FromSeconds(10), CancellationToken.None)
        : MemcachedClient.ConnectAsync(server.Endpoint, ValueBytes, TimeSpan.FromSeconds(10), CancellationToken.None);

    /// <summary>Empties the server with a raw command (FLUSHALL, flush_all), as another client would.</summary>
    private async Task FlushAsync()
    {
        var endpoint = server.Endpoint;
        var command = endpoint.Address.Scheme == "redis"
            ? $"AUTH {endpoint.Connection["password"]}\r\nFLUSHALL\r\n"
            : "flush_all\r\n";
        var expected = endpoint.Address.Scheme == "redis" ? "+OK\r\n+OK\r\n" : "OK\r\n";
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Address.Host, endpoint.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command));
        var answer = new StringBuilder();
        var buffer = new byte[256];
        while (answer.Length < expected.Length)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) break;
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        Assert.Equal(expected, answer.ToString());
    }
}

public sealed class RedisKvDriverTests(RedisServer server) : KvDriverTests(server), IClassFixture<RedisServer>;

public sealed class MemcachedKvDriverTests(MemcachedServer server) : KvDriverTests(server), IClassFixture<MemcachedServer>;
