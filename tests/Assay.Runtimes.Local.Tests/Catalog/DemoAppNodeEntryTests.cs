using Assay.Testing;

namespace Assay.Runtimes.Local.Tests.Catalog;

/// <summary>The Node.js twin of demo-app, started from its catalog entry as the runtime comparison starts it.</summary>
public sealed class DemoAppNodeEntryTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_node_twin_starts_from_the_source_tree_answers_and_stops_leaving_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        string folder;
        await using (var server = await CatalogServer.StartAsync("demo-app-node", timeout.Token, replicas: 2))
        {
            folder = server.Folder;
            using var http = new HttpClient();
            foreach (var endpoint in server.Endpoints())
            {
                Assert.Equal("ok", await http.GetStringAsync(new Uri(endpoint.Address, "/health"), timeout.Token));
                Assert.Equal("""{"message":"Hello, World!"}""", await http.GetStringAsync(new Uri(endpoint.Address, "/json"), timeout.Token));
                Assert.Contains("\"app\":\"server\"", await http.GetStringAsync(endpoint.Address, timeout.Token), StringComparison.Ordinal);
            }
            // Cold start, as result.json reports it: process start to the first good probe (probed every 10 ms).
            var usage = server.Deployment.Usage.Collect();
            Assert.Equal(2, usage.Count);
            Assert.All(usage, u => Assert.InRange(u.StartupSeconds, 0.001, 20));
            Assert.Equal(2, Leftovers.ProcessesUnder(folder).Count);
        }
        await Leftovers.AssertNoneAsync(folder);
    }
}
