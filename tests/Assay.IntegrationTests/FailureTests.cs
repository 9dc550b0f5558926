using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Assay.IntegrationTests;

/// <summary>Bad input and broken infrastructure: clear errors, the right exit codes, nothing left running.</summary>
public sealed class FailureTests : IDisposable
{
    private readonly LabFolder _lab = new();

    [Fact(Timeout = 60_000)]
    public async Task An_invalid_experiment_exits_2_listing_every_problem_and_starts_nothing()
    {
        var file = Write("bad.yaml", """
            apiVersion: assay.dev/v1alpha1
            kind: Experiment
            metadata:
              name: bad
            spec:
              components:
                - name: web
                  uses: demo-ap
              workload:
                driver: http
                target: web
                model: {type: closed, connections: 0}
                duration: -5s
                requests:
                  - path: /
              thresholds:
                http_req_duraton: ["p(95)<500ms"]
            """);

        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(30), "run", file);

        Assert.True(code == 2, cli.Output);
        Assert.Contains("bad.yaml:8:", cli.Output, StringComparison.Ordinal);   // uses: demo-ap
        Assert.Contains("did you mean 'demo-app'?", cli.Output, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:12:", cli.Output, StringComparison.Ordinal);  // connections: 0
        Assert.Contains("bad.yaml:13:", cli.Output, StringComparison.Ordinal);  // duration: -5s
        Assert.Contains("did you mean 'http_req_duration'?", cli.Output, StringComparison.Ordinal);
        Assert.Empty(_lab.RunIds());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_binary_exits_3_naming_the_component_the_binary_and_the_package()
    {
        var catalog = Entry("ghost", """
            binary: {command: assay-no-such-server, package: assay-ghost-server}
            ports: [tcp]
            readiness: {tcp: {port: tcp}}
            """);
        var file = Experiment("ghostly", "ghost");

        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(30), "run", file, "--catalog", catalog);

        Assert.True(code == 3, cli.Output);
        Assert.Contains("component 'db'", cli.Output, StringComparison.Ordinal);
        Assert.Contains("assay-no-such-server", cli.Output, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y assay-ghost-server", cli.Output, StringComparison.Ordinal);
        Assert.Empty(_lab.RunIds());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_component_that_never_becomes_ready_fails_the_run_with_a_clear_error()
    {
        var catalog = Entry("sleeper", """
            binary: {command: /bin/sleep, package: coreutils}
            ports: [tcp]
            start: {args: ["60"]}
            readiness: {tcp: {port: tcp}, timeout: 1s}
            """);
        var file = Experiment("sleepy", "sleeper");

        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(45), "run", file, "--catalog", catalog);

        Assert.True(code == 3, cli.Output);
        Assert.Contains("was not ready after 1s", cli.Output, StringComparison.Ordinal);
        var runId = Assert.Single(_lab.RunIds());
        var result = _lab.Result(runId);
        Assert.Equal("error", (string?)result["status"]);
        Assert.Equal("db", (string?)result["errors"]![0]!["component"]);
        _lab.AssertNothingLeft(runId, []);
        var (_, runs) = await _lab.RunAsync(TimeSpan.FromSeconds(30), "runs", "--json");
        Assert.Equal("error", (string?)JsonNode.Parse(runs.Stdout)!.AsArray().Single()!["status"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_component_whose_port_is_taken_fails_with_a_message_that_says_so()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var catalog = Entry("fixed-nginx", $$"""
            binary: {command: nginx, package: nginx}
            ports: [http]
            start:
              args: ["-p", "${instanceDir}", "-c", "${instanceDir}/nginx.conf", "-e", "${instanceDir}/error.log"]
              files:
                - path: nginx.conf
                  content: |
                    daemon off;
                    pid ${instanceDir}/nginx.pid;
                    events {}
                    http {
                      access_log off;
                      client_body_temp_path ${dataDir};
                      proxy_temp_path ${dataDir};
                      fastcgi_temp_path ${dataDir};
                      uwsgi_temp_path ${dataDir};
                      scgi_temp_path ${dataDir};
                      server { listen 127.0.0.1:{{taken}}; return 200 "taken"; }
                    }
            readiness: {http: {port: http, path: /}, timeout: 10s}
            stop: {signal: SIGQUIT, grace: 5s}
            """);
        var file = Experiment("squatted", "fixed-nginx");

        var (code, cli) = await _lab.RunAsync(TimeSpan.FromSeconds(45), "run", file, "--catalog", catalog);

        Assert.True(code == 3, cli.Output);
        Assert.Contains("already in use by another process", cli.Output, StringComparison.Ordinal);
        Assert.Contains("Address already in use", cli.Output, StringComparison.Ordinal); // nginx's own words, from its log tail
        _lab.AssertNothingLeft(Assert.Single(_lab.RunIds()), []);
    }

    public void Dispose() => _lab.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_lab.Path, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A catalog folder with one entry whose spec (after the description) is given.</summary>
    private string Entry(string name, string spec)
    {
        var indented = string.Join('\n', spec.Split('\n').Select(l => "  " + l));
        Write(Path.Combine("catalog", name + ".yaml"), $"""
            apiVersion: assay.dev/v1alpha1
            kind: CatalogEntry
            metadata:
              name: {name}
            spec:
              description: test entry {name}
            {indented}
            """);
        return Path.Combine(_lab.Path, "catalog");
    }

    private string Experiment(string name, string uses) => Write(name + ".yaml", $"""
        apiVersion: assay.dev/v1alpha1
        kind: Experiment
        metadata:
          name: {name}
        spec:
          components:
            - name: db
              uses: {uses}
          workload:
            driver: http
            target: http://127.0.0.1:9/
            model:
              type: closed
              connections: 1
            warmUp: 0s
            duration: 2s
            requests:
              - path: /
        """);
}
