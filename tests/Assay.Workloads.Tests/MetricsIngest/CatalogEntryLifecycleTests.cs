using Assay.Testing;

namespace Assay.Workloads.Tests.MetricsIngest;

/// <summary>The observability entries start as a run starts them, answer, and leave nothing behind when stopped.</summary>
public sealed class CatalogEntryLifecycleTests
{
    [Theory(Timeout = 90_000)]
    [InlineData("prometheus", "/-/ready")]
    [InlineData("victoria-metrics", "/health")]
    public async Task A_TSDB_entry_scrapes_its_link_on_loopback_and_stops_leaving_nothing(string entry, string readiness)
    {
        string folder;
        int[] ports;
        await using (var servers = await CatalogServer.StartAsync(
        [
            ("gen", "cardinality-generator", null, null),
            ("tsdb", entry, new Dictionary<string, string> { ["scrapeInterval"] = "1s" }, new Dictionary<string, string> { ["scrape"] = "gen" }),
        ], CancellationToken.None))
        {
            folder = servers.Folder;
            ports = [.. servers.Deployment.Instances.SelectMany(i => i.Ports.Values)];
            var tsdb = servers.Endpoints("tsdb").Single().Address;
            Assert.Equal("prometheus", tsdb.Scheme);
            Assert.Equal("127.0.0.1", tsdb.Host);
            using var http = new HttpClient();
            var baseUrl = new UriBuilder(tsdb) { Scheme = "http" }.Uri;
            Assert.True((await http.GetAsync(new Uri(baseUrl, readiness))).IsSuccessStatusCode);
            // Its configuration was rendered with the generator's address, and its data lives under the run's folder.
            var gen = servers.Endpoints("gen").Single().Address;
            var config = Directory.GetFiles(folder, entry == "prometheus" ? "prometheus.yml" : "scrape.yml", SearchOption.AllDirectories).Single();
            Assert.Contains($"{gen.Host}:{gen.Port}", await File.ReadAllTextAsync(config), StringComparison.Ordinal);
            Assert.NotEmpty(Directory.GetDirectories(folder, "data", SearchOption.AllDirectories));
            Assert.All(Leftovers.ListeningAddresses(ports), address => Assert.Equal("127.0.0.1", address));
        }
        Assert.False(Directory.Exists(folder));
        Assert.Empty(Leftovers.ProcessesMentioning(folder));
        foreach (var port in ports) Assert.False(await Leftovers.AcceptsAsync(port), $"port {port} still accepts connections");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("cardinality-generator", "/cardinality")]
    [InlineData("log-generator", "/config")]
    public async Task A_generator_app_entry_starts_answers_and_stops(string entry, string path)
    {
        int port;
        await using (var server = await CatalogServer.StartAsync(entry, CancellationToken.None))
        {
            var address = server.Endpoints().Single().Address;
            port = address.Port;
            using var http = new HttpClient();
            var body = await http.GetStringAsync(new Uri(address, path));
            Assert.StartsWith("{", body, StringComparison.Ordinal);
        }
        Assert.False(await Leftovers.AcceptsAsync(port));
    }
}
