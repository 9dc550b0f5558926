using Assay.Testing;

namespace Assay.Runtimes.Local.Tests;

public sealed class CatalogServerTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_shipped_entry_starts_as_a_run_starts_it_and_answers_on_its_endpoint()
    {
        string folder;
        await using (var server = await CatalogServer.StartAsync("demo-app", CancellationToken.None, replicas: 2))
        {
            folder = server.Folder;
            var endpoints = server.Endpoints();
            Assert.Equal(2, endpoints.Count);
            using var http = new HttpClient();
            foreach (var endpoint in endpoints)
            {
                Assert.Equal("http", endpoint.Address.Scheme);
                Assert.Equal("ok", await http.GetStringAsync(new Uri(endpoint.Address, "/health")));
            }
        }
        Assert.False(Directory.Exists(folder));
    }
}
