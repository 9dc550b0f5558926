using System.Globalization;
using System.Net;
using System.Text;
using Assay.Testing;

namespace Assay.Runtimes.Local.Tests.Catalog;

/// <summary>
/// The shipped reverse proxies (nginx, haproxy, caddy), each started from its catalog entry in front of two
/// demo-app replicas linked as its upstream, exactly as an experiment deploys them.
/// </summary>
public sealed class ProxyEntryTests
{
    /// <summary>The file each entry's init command writes from <c>${link.upstream.endpoints}</c>.</summary>
    private static readonly Dictionary<string, string> UpstreamFiles = new()
    {
        ["nginx"] = "upstreams.conf",
        ["haproxy"] = "backend.cfg",
        ["caddy"] = "upstreams.caddy",
    };

    [Theory(Timeout = 90_000)]
    [InlineData("nginx")]
    [InlineData("haproxy")]
    [InlineData("caddy")]
    public async Task A_proxy_forwards_to_every_upstream_replica_and_stops_leaving_nothing(string entry)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        string folder;
        await using (var server = await StartAsync(entry, null, timeout.Token))
        {
            folder = server.Folder;
            var proxy = server.Endpoints("proxy").Single().Address;
            var replicas = server.Endpoints("web").Select(e => e.Address.Authority).ToList();
            Assert.Equal(2, replicas.Count);

            using var http = new HttpClient { BaseAddress = proxy };
            for (var i = 0; i < 10; i++)
                Assert.Equal("""{"message":"Hello, World!"}""", await http.GetStringAsync(new Uri("/json", UriKind.Relative), timeout.Token));
            using var body = new StringContent("""{"through":"the proxy","n":[1,2,3]}""", Encoding.UTF8, "application/json");
            using var echo = await http.PostAsync(new Uri("/echo", UriKind.Relative), body, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
            Assert.Equal("""{"through":"the proxy","n":[1,2,3]}""", await echo.Content.ReadAsStringAsync(timeout.Token));
            using var missing = await http.GetAsync(new Uri("/no-such-path", UriKind.Relative), timeout.Token);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

            // Every replica is an upstream, not just the first.
            var upstreams = await File.ReadAllTextAsync(Path.Combine(folder, "proxy-0", UpstreamFiles[entry]), timeout.Token);
            Assert.All(replicas, r => Assert.Contains(r, upstreams, StringComparison.Ordinal));

            // Access logs are off unless asked for.
            Assert.False(File.Exists(Path.Combine(folder, "proxy-0", "access.log")), "an access log was written with access-log off");
            Assert.DoesNotContain("/json", await File.ReadAllTextAsync(Path.Combine(folder, "proxy-0", "stdout.log"), timeout.Token), StringComparison.Ordinal);

            // The check after the stop sees the proxy's processes while they run (nginx: master and worker).
            Assert.True(Leftovers.ProcessesUnder(Path.Combine(folder, "proxy-0")).Count >= (entry == "nginx" ? 2 : 1));
        }
        await Leftovers.AssertNoneAsync(folder);
    }

    [Theory(Timeout = 90_000)]
    [InlineData("nginx", "access.log")]
    [InlineData("haproxy", "stdout.log")]
    [InlineData("caddy", "access.log")]
    public async Task Access_log_on_writes_a_line_per_request(string entry, string log)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        await using var server = await StartAsync(entry, new Dictionary<string, string> { ["access-log"] = "on" }, timeout.Token);
        using var http = new HttpClient { BaseAddress = server.Endpoints("proxy").Single().Address };
        const int Requests = 5;
        for (var i = 0; i < Requests; i++)
            await http.GetStringAsync(new Uri($"/json?request={i.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative), timeout.Token);

        var path = Path.Combine(server.Folder, "proxy-0", log);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int logged;
        // Proxies write their logs asynchronously (HAProxy through a ring, Caddy through a buffered writer).
        while ((logged = CountLines(path, "/json?request=")) < Requests && DateTime.UtcNow < deadline) await Task.Delay(100, timeout.Token);
        Assert.Equal(Requests, logged);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_access_log_setting_other_than_on_or_off_stops_haproxy_with_a_message_naming_it()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var error = await Assert.ThrowsAsync<Engine.Runtime.DeploymentFailedException>(() =>
            StartAsync("haproxy", new Dictionary<string, string> { ["access-log"] = "yes" }, timeout.Token));
        Assert.Equal("proxy", error.Component);
        Assert.Contains("parameter access-log is 'yes': write off or on", error.LogTail, StringComparison.Ordinal);
    }

    private static Task<CatalogServer> StartAsync(string entry, IReadOnlyDictionary<string, string>? parameters, CancellationToken cancellationToken) =>
        CatalogServer.StartAsync(
            [("web", "demo-app", null, null), ("proxy", entry, parameters, new Dictionary<string, string> { ["upstream"] = "web" })],
            cancellationToken, replicas: 2);

    private static int CountLines(string path, string text) =>
        File.Exists(path) ? File.ReadLines(path).Count(l => l.Contains(text, StringComparison.Ordinal)) : 0;
}
