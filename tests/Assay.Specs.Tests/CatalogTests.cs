using Assay.Core.Catalog;
using Assay.Specs.Catalogs;

namespace Assay.Specs.Tests;

public sealed class CatalogTests : IDisposable
{
    private const string Valid = """
        apiVersion: assay.dev/v1alpha1
        kind: CatalogEntry
        metadata:
          name: web-server
        spec:
          description: a web server
          binary:
            command: /usr/sbin/web-server
            package: web-server
            versionArgs: [-v]
          ports: [http, admin]
          start:
            args: ["-c", "${instanceDir}/web.conf"]
            env: {PORT: "${port.http}", WORKERS: "${param.workers}"}
            files:
              - path: web.conf
                content: |
                  listen ${host}:${port.http};
                  root $${literal};
          readiness:
            http: {port: admin, path: /ready}
          parameters:
            workers: "4"
        """;

    private static readonly HashSet<string> SampleApps = ["demo-app", "hello-app", "metrics-app"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assay-specs-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static SpecOutcome<CatalogEntry> Entry(string yaml) => CatalogLoader.LoadEntry("catalog/web-server.yaml", yaml);

    private static string Replace(string piece, string replacement) => Fixtures.Replace(Valid, piece, replacement);

    [Fact]
    public void A_full_entry_resolves_with_defaults()
    {
        var outcome = Entry(Valid);
        Assert.Empty(outcome.Diagnostics);
        var entry = outcome.Value!;
        Assert.Equal(("web-server", "a web server", "http"), (entry.Name, entry.Description, entry.PrimaryPort));
        Assert.Equal(["http", "admin"], entry.Ports);
        Assert.Equal("web-server", entry.Binary.DebianPackage);
        Assert.Null(entry.Binary.BuildProject);
        Assert.Equal("apt-get install -y web-server", entry.Binary.InstallHint);
        Assert.Equal(["-v"], entry.Binary.VersionArgs);
        Assert.Equal("${port.http}", entry.Launch.Environment["PORT"]);
        // Templates are kept as written: the runtime renders them per instance.
        Assert.Equal("listen ${host}:${port.http};\nroot $${literal};\n", Assert.Single(entry.Launch.Files).Content);
        Assert.Equal(new ReadinessProbe(ProbeKind.Http, "admin", "/ready", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100)), entry.Readiness);
        Assert.Null(entry.Metrics);
        Assert.Equal(StopPolicy.Default, entry.Stop);
        Assert.Equal("4", entry.Parameters["workers"]);
        Assert.Equal("catalog/web-server.yaml", entry.SourceFile);
    }

    [Fact]
    public void Unknown_placeholders_are_reported_at_their_own_position()
    {
        var yaml = Replace("listen ${host}:${port.http};", "listen ${hots}:${port.https} ${param.worker} ${what}");
        var outcome = Entry(yaml);
        Assert.Null(outcome.Value);
        var errors = outcome.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Equal(
        [
            "catalog/web-server.yaml:18:18: error: spec.start.files[0].content: unknown placeholder '${hots}' (did you mean '${host}'?)",
            "catalog/web-server.yaml:18:26: error: spec.start.files[0].content: unknown placeholder '${port.https}' (did you mean '${port.http}'?)",
            "catalog/web-server.yaml:18:40: error: spec.start.files[0].content: unknown placeholder '${param.worker}' (did you mean '${param.workers}'?)",
            "catalog/web-server.yaml:18:56: error: spec.start.files[0].content: unknown placeholder '${what}' (allowed: ${root}, ${host}, ${port}, ${dataDir}, ${instanceDir}, ${tmpDir}, ${component}, ${replica}, ${cpus}, ${memoryBytes}, ${port.NAME}, ${param.NAME}, ${secret.NAME}, ${link.LINK.host|port|url|endpoints}; write $${ for a literal ${)",
        ], errors);
    }

    [Fact]
    public void Placeholders_of_undeclared_ports_and_parameters_say_what_is_declared()
    {
        var outcome = Entry(Replace("WORKERS: \"${param.workers}\"", "WORKERS: \"${param.threads-per-core}\", X: \"${port.metrics-endpoint}\""));
        Assert.Contains(outcome.Diagnostics, d => d.Hint == "'threads-per-core' is not in spec.parameters");
        Assert.Contains(outcome.Diagnostics, d => d.Hint == "'metrics-endpoint' is not in spec.ports (http, admin)");
    }

    [Theory]
    [InlineData("http: {port: admin, path: /ready}", "http: {port: amdin, path: /ready}", "spec.readiness.http.port", "port 'amdin' is not in spec.ports")]
    [InlineData("http: {port: admin, path: /ready}", "http: {port: admin, path: ready}", "spec.readiness.http.path", "path 'ready' does not start with '/'")]
    [InlineData("http: {port: admin, path: /ready}", "http: {port: admin}", "spec.readiness.http.path", "required field is missing")]
    [InlineData("http: {port: admin, path: /ready}", "http: {port: admin, path: /ready}\n    tcp: {port: http}", "spec.readiness.tcp", "set either 'http' or 'tcp', not both")]
    [InlineData("http: {port: admin, path: /ready}", "timeout: 5s", "spec.readiness.http", "says neither an http nor a tcp probe")]
    [InlineData("http: {port: admin, path: /ready}", "http: {port: admin, path: /ready}\n    interval: 0s", "spec.readiness.interval", "must be greater than zero")]
    [InlineData("  readiness:\n    http: {port: admin, path: /ready}\n", "", "spec.readiness", "required field is missing")]
    [InlineData("ports: [http, admin]", "ports: [http, admin, http]", "spec.ports[2]", "port 'http' is listed twice")]
    [InlineData("ports: [http, admin]", "ports: [http, Admin]", "spec.ports[1]", "'Admin' is not a valid name")]
    [InlineData("ports: [http, admin]", "ports: []", "spec.ports", "needs at least one port name")]
    [InlineData("    package: web-server\n", "", "spec.binary.build", "says neither how to build nor which package installs the binary")]
    [InlineData("    package: web-server", "    package: web-server\n    build: apps/web", "spec.binary.package", "set either 'build' or 'package', not both")]
    [InlineData("    package: web-server", "    package: Web Server", "spec.binary.package", "is not a Debian package name")]
    [InlineData("command: /usr/sbin/web-server", "command: bin/web-server", "spec.binary.command", "command 'bin/web-server' is a relative path")]
    [InlineData("command: /usr/sbin/web-server", "comand: /usr/sbin/web-server", "spec.binary.comand", "unknown field 'comand'")]
    [InlineData("      - path: web.conf", "      - path: ../web.conf", "spec.start.files[0].path", "'../web.conf' leaves the instance folder")]
    [InlineData("      - path: web.conf", "      - path: /etc/web.conf", "spec.start.files[0].path", "'/etc/web.conf' leaves the instance folder")]
    [InlineData("env: {PORT:", "env: {PORT-NUMBER:", "spec.start.env.PORT-NUMBER", "is not a valid environment variable name")]
    [InlineData("    workers: \"4\"", "    workers: null", "spec.parameters.workers", "a value is required here, not null")]
    [InlineData("kind: CatalogEntry", "kind: Experiment", "kind", "kind 'Experiment' is not a catalog entry")]
    [InlineData("  name: web-server", "  name: Web", "metadata.name", "'Web' is not a valid name")]
    public void Entry_problems_are_reported(string piece, string replacement, string path, string message)
    {
        var outcome = Entry(Replace(piece, replacement));
        Assert.Null(outcome.Value);
        Assert.True(outcome.Diagnostics.Any(d => d.FieldPath == path && d.Message.Contains(message, StringComparison.Ordinal)),
            Fixtures.Lines(outcome.Diagnostics));
    }

    [Fact]
    public void Probe_metrics_and_stop_settings_resolve()
    {
        var yaml = Replace("    http: {port: admin, path: /ready}", "    tcp: {port: http}\n    timeout: 2s\n    interval: 50ms\n  metrics: {port: admin}\n  stop: {signal: SIGINT, grace: 0s}");
        var entry = Entry(yaml).Value!;
        Assert.Equal(new ReadinessProbe(ProbeKind.Tcp, "http", null, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50)), entry.Readiness);
        Assert.Equal(new MetricsEndpoint("admin", "/metrics"), entry.Metrics);
        Assert.Equal(new StopPolicy(StopPolicy.SigInt, TimeSpan.Zero), entry.Stop);
        var bad = Entry(Replace("    http: {port: admin, path: /ready}", "    http: {port: admin, path: /ready}\n  stop: {signal: SIGTREM}"));
        Assert.Contains(bad.Diagnostics, d => d.Message == "'SIGTREM' is not one of SIGTERM, SIGINT, SIGQUIT" && d.Hint == "did you mean 'SIGTERM'?");
    }

    [Fact]
    public void The_shipped_catalog_has_the_three_sample_apps()
    {
        var catalog = RepoFiles.Catalog;
        Assert.Subset(catalog.Names.ToHashSet(), SampleApps);
        foreach (var entry in SampleApps.Select(n => catalog.Find(n)!))
        {
            Assert.Equal($"${{root}}/artifacts/apps/{entry.Name}/{entry.Name}", entry.Binary.Command);
            Assert.Equal($"apps/{entry.Name}", entry.Binary.BuildProject);
            Assert.Equal(["http"], entry.Ports);
            Assert.Equal("${port.http}", entry.Launch.Environment["PORT"]);
            Assert.Equal("${component}", entry.Launch.Environment["APP_NAME"]);
            Assert.Equal((ProbeKind.Http, "http", "/health"), (entry.Readiness.Kind, entry.Readiness.Port, entry.Readiness.Path));
        }
        Assert.Equal(new MetricsEndpoint("http", "/metrics"), catalog.Find("metrics-app")!.Metrics);
        Assert.Null(catalog.Find("demo-app")!.Metrics);
        Assert.Null(catalog.Find("nope"));
    }

    [Fact]
    public void Loading_folders_reports_duplicates_across_files_and_missing_folders()
    {
        var a = Directory.CreateDirectory(Path.Combine(_folder, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(_folder, "b")).FullName;
        File.WriteAllText(Path.Combine(a, "web-server.yaml"), Valid);
        File.WriteAllText(Path.Combine(b, "web.yml"), Valid);
        File.WriteAllText(Path.Combine(b, "notes.txt"), "not a catalog entry");
        var missing = Path.Combine(_folder, "missing");

        var outcome = CatalogLoader.Load([a, b, missing]);
        Assert.Null(outcome.Value);
        var duplicate = Assert.Single(outcome.Diagnostics, d => d.Location is not null);
        Assert.Equal($"catalog entry 'web-server' is already defined in {Path.Combine(a, "web-server.yaml")}", duplicate.Message);
        Assert.Equal((Path.Combine(b, "web.yml"), 4, 9), (duplicate.Location!.File, duplicate.Location.Line, duplicate.Location.Column));
        Assert.Contains(outcome.Diagnostics, d => d.Message == $"catalog folder '{missing}' not found");

        var good = CatalogLoader.Load([a]);
        Assert.Equal(["web-server"], good.Value!.Names);
    }

    [Fact]
    public void A_broken_file_makes_the_catalog_unusable_and_names_the_file()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "c")).FullName;
        File.WriteAllText(Path.Combine(folder, "bad.yaml"), "apiVersion: [\n");
        var outcome = CatalogLoader.Load([folder]);
        Assert.Null(outcome.Value);
        Assert.Equal(Path.Combine(folder, "bad.yaml"), Assert.Single(outcome.Diagnostics).Location!.File);
    }

    [Fact]
    public void A_catalog_rejects_two_entries_with_one_name()
    {
        var entry = Entry(Valid).Value!;
        Assert.Throws<ArgumentException>(() => new Catalog([entry, entry with { SourceFile = "other.yaml" }]));
    }
}
