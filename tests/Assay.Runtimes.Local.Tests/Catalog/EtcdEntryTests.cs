using System.Net;
using System.Text;
using System.Text.Json;
using Assay.Testing;

namespace Assay.Runtimes.Local.Tests.Catalog;

/// <summary>The shipped etcd entry: a single-node cluster whose JSON gateway answers the requests etcd-baseline sends.</summary>
public sealed class EtcdEntryTests
{
    [Fact(Timeout = 90_000)]
    public async Task Etcd_stores_through_its_JSON_gateway_serves_metrics_and_stops_leaving_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        string folder;
        await using (var server = await CatalogServer.StartAsync("etcd", timeout.Token))
        {
            folder = server.Folder;
            var endpoint = server.Endpoints().Single().Address;
            Assert.Equal("http", endpoint.Scheme);
            using var http = new HttpClient { BaseAddress = endpoint };
            var key = Base64("assay/key");
            var value = Base64($"value-{Guid.NewGuid():N}");

            // The v3 gateway path of etcd 3.4 (v3beta is its deprecated alias), as etcd-baseline uses it.
            using (var put = await PostAsync(http, "/v3/kv/put", $$"""{"key":"{{key}}","value":"{{value}}"}""", timeout.Token))
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            using var range = await PostAsync(http, "/v3/kv/range", $$"""{"key":"{{key}}"}""", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, range.StatusCode);
            using var document = JsonDocument.Parse(await range.Content.ReadAsStringAsync(timeout.Token));
            var kv = Assert.Single(document.RootElement.GetProperty("kvs").EnumerateArray());
            Assert.Equal(value, kv.GetProperty("value").GetString());

            var instance = server.Deployment.Instances.Single();
            using var metrics = new HttpClient();
            var text = await metrics.GetStringAsync(new Uri($"http://{instance.Host}:{instance.Ports["metrics"]}/metrics"), timeout.Token);
            Assert.Contains("etcd_server_has_leader 1", text, StringComparison.Ordinal);

            // Its data lives in the instance's data folder, which the stop removes.
            Assert.True(Directory.Exists(Path.Combine(folder, "server-0", "data", "member", "wal")), "etcd's write-ahead log is not in ${dataDir}");
            Assert.NotEmpty(Leftovers.ProcessesUnder(folder));
        }
        await Leftovers.AssertNoneAsync(folder);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
    }
}
