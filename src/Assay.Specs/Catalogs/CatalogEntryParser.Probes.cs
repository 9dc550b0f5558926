using Assay.Core.Catalog;
using Assay.Core.Diagnostics;
using Assay.Specs.Values;
using Assay.Specs.Yaml;

namespace Assay.Specs.Catalogs;

internal static partial class CatalogEntryParser
{
    private static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultProbeInterval = TimeSpan.FromMilliseconds(100);

    private static ReadinessProbe Readiness(FieldReader spec, ValueReader values, List<string> ports, Node specNode)
    {
        var fallback = new ReadinessProbe(ProbeKind.Tcp, ports.Count > 0 ? ports[0] : "", null, DefaultProbeTimeout, DefaultProbeInterval);
        if (spec.Mapping("readiness", ReadinessFields) is not { } readiness)
        {
            values.Required(specNode, "readiness");
            return fallback;
        }
        var timeout = values.Duration(readiness.Scalar("timeout"), allowZero: false) ?? DefaultProbeTimeout;
        var interval = values.Duration(readiness.Scalar("interval"), allowZero: false) ?? DefaultProbeInterval;
        var http = readiness.Mapping("http", HttpProbeFields);
        var tcp = readiness.Mapping("tcp", TcpProbeFields);
        if (http is not null && tcp is not null)
        {
            values.Diagnostics.Error(tcp.Location, tcp.Path, "set either 'http' or 'tcp', not both", "one probe decides readiness");
            return fallback;
        }
        if (http is not null)
        {
            var port = Port(http, values, ports);
            var path = ProbePath(http, values, required: true);
            return new ReadinessProbe(ProbeKind.Http, port ?? "", path, timeout, interval);
        }
        if (tcp is not null)
            return new ReadinessProbe(ProbeKind.Tcp, Port(tcp, values, ports) ?? "", null, timeout, interval);
        if (!values.Diagnostics.HasErrorFor(readiness.PathOf("http")) && !values.Diagnostics.HasErrorFor(readiness.PathOf("tcp")))
        {
            values.Diagnostics.Error(readiness.Location, readiness.PathOf("http"), "says neither an http nor a tcp probe",
                "e.g. http: {port: http, path: /health} or tcp: {port: http}");
        }
        return fallback;
    }

    private static MetricsEndpoint? Metrics(FieldReader spec, ValueReader values, List<string> ports)
    {
        if (spec.Mapping("metrics", MetricsFields) is not { } metrics) return null;
        var port = Port(metrics, values, ports);
        var path = ProbePath(metrics, values, required: false) ?? "/metrics";
        return port is null ? null : new MetricsEndpoint(port, path);
    }

    private static StopPolicy Stop(FieldReader spec, ValueReader values)
    {
        if (spec.Mapping("stop", StopFields) is not { } stop) return StopPolicy.Default;
        var signal = stop.Scalar("signal") is { } written ? values.OneOf(written, [.. Signals.Keys]) : "SIGTERM";
        var grace = values.Duration(stop.Scalar("grace"), allowZero: true) ?? StopPolicy.Default.Grace;
        return new StopPolicy(signal is null ? StopPolicy.SigTerm : Signals[signal], grace);
    }

    private static string? Port(FieldReader probe, ValueReader values, List<string> ports)
    {
        var scalar = probe.Scalar("port");
        if (scalar is null)
        {
            values.Required(new Node(probe.Path, probe.Location), "port");
            return null;
        }
        if (values.Text(scalar) is not { } port) return null;
        if (ports.Contains(port)) return port;
        values.Error(scalar, $"port '{port}' is not in spec.ports", ports.Count == 0 ? "declare it in spec.ports" : Suggestions.Hint(port, [.. ports]));
        return null;
    }

    private static string? ProbePath(FieldReader probe, ValueReader values, bool required)
    {
        var scalar = probe.Scalar("path");
        if (scalar is null)
        {
            if (required) values.Required(new Node(probe.Path, probe.Location), "path");
            return null;
        }
        if (values.Text(scalar) is not { } path) return null;
        if (path.StartsWith('/')) return path;
        values.Error(scalar, $"path '{path}' does not start with '/'", $"e.g. path: /{path}");
        return null;
    }
}
