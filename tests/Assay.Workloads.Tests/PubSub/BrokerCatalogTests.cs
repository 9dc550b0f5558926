using Assay.Testing;

namespace Assay.Workloads.Tests.PubSub;

/// <summary>
/// The broker entries of the shipped catalog start as a run starts them, listen on loopback only, keep their
/// data in their data folder, and leave nothing behind: no process (RabbitMQ's epmd included), no data folder.
/// </summary>
public sealed class BrokerCatalogTests
{
    [Theory(Timeout = 300_000)]
    [InlineData("nats", new[] { "nats-server" })]
    [InlineData("mosquitto", new[] { "mosquitto" })]
    [InlineData("rabbitmq", new[] { "beam.smp", "epmd" })]
    public async Task A_broker_starts_on_loopback_and_stops_leaving_nothing_behind(string entry, string[] expected)
    {
        var server = await CatalogServer.StartAsync(entry, CancellationToken.None);
        IReadOnlyList<(int Pid, string Command)> processes;
        string instance;
        try
        {
            instance = Path.Combine(server.Folder, "server-0");
            var data = Path.Combine(instance, "data");
            Assert.True(Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any(), $"{entry} keeps nothing in {data}");
            processes = BrokerProcesses.Find(server.Folder);
            foreach (var command in expected) Assert.Contains(processes, p => p.Command == command);
            var addresses = BrokerProcesses.ListeningAddresses(processes.Select(p => p.Pid));
            Assert.NotEmpty(addresses);
            Assert.All(addresses, a => Assert.True(a.StartsWith("127.0.0.1:", StringComparison.Ordinal) || a.StartsWith("[::1]:", StringComparison.Ordinal), $"{entry} listens on {a}"));
            Assert.Contains(addresses, a => a == $"127.0.0.1:{server.Deployment.Instances[0].Ports.First().Value}");

            await server.Deployment.DisposeAsync();

            Assert.False(Directory.Exists(data), $"{data} is still there");
            Assert.True(File.Exists(Path.Combine(instance, "stdout.log")), "the instance's logs are kept");
            Assert.Empty(BrokerProcesses.Find(server.Folder));
        }
        finally
        {
            await server.DisposeAsync();
        }
        Assert.All(processes, p => Assert.False(BrokerProcesses.IsRunning(p.Pid, p.Command), $"{p.Command} ({p.Pid}) is still running"));
        Assert.False(Directory.Exists(server.Folder));
    }
}
