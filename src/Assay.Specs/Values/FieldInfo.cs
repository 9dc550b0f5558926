using System.Text.RegularExpressions;

namespace Assay.Specs.Values;

/// <summary>
/// What each field holds and an example of it, for hints such as "expected a duration (e.g. warmUp: 5s)".
/// One table for the experiment and the catalog files, so a field is described the same way everywhere.
/// </summary>
internal sealed partial record FieldInfo(string Type, string Example)
{
    private static readonly Dictionary<string, FieldInfo> Table = new(StringComparer.Ordinal)
    {
        ["apiVersion"] = new("a text", "apiVersion: assay.dev/v1alpha1"),
        ["kind"] = new("a text", "kind: Experiment"),
        ["metadata"] = new("a mapping", "metadata: {name: http-baseline}"),
        ["metadata.name"] = new("a name", "name: http-baseline"),
        ["name"] = new("a name", "name: web"),
        ["labels"] = new("a mapping of texts", "labels: {team: platform}"),
        ["spec"] = new("a mapping", "spec: {workload: {...}}"),
        ["title"] = new("a text", "title: HTTP baseline"),
        ["description"] = new("a text", "description: what this measures and why"),
        ["tags"] = new("a list of texts", "tags: [http, baseline]"),
        ["hypothesis"] = new("a mapping", "hypothesis: {claim: p95 stays under 500 ms}"),
        ["claim"] = new("a text", "claim: p95 latency stays under 500 ms at 10 connections"),
        ["questions"] = new("a list of texts", "questions: [How does latency grow with load?]"),
        ["focus"] = new("a list of texts", "focus: [latency, errors]"),
        ["successCriteria"] = new("a list of mappings", "successCriteria: [{metric: latency_p99_ms, operator: lt, value: 500}]"),
        ["metric"] = new("a KPI name", "metric: latency_p99_ms"),
        ["variant"] = new("a variant name", "variant: memcached"),
        ["baseline"] = new("a variant name", "baseline: redis"),
        ["operator"] = new("one of lt, lte, gt, gte", "operator: lt"),
        ["value"] = new("a number", "value: 500"),
        ["parameters"] = new("a mapping of names to values", "parameters: {users: 10}"),
        ["trials"] = new("an integer", "trials: 5"),
        ["placement"] = new("a mapping", "placement: {loadGenerator: \"0\", components: \"1\"}"),
        ["loadGenerator"] = new("a CPU list", "loadGenerator: \"0\""),
        ["placement.components"] = new("a CPU list", "components: \"1-3\""),
        ["variants"] = new("a list of mappings", "variants: [{name: dotnet, components: [{name: web, uses: demo-app}]}]"),
        ["components"] = new("a list of mappings", "components: [{name: web, uses: demo-app}]"),
        ["uses"] = new("a catalog entry name", "uses: demo-app"),
        ["replicas"] = new("an integer", "replicas: 2"),
        ["resources"] = new("a mapping", "resources: {cpus: 1.5, memory: 256Mi}"),
        ["cpus"] = new("a number", "cpus: 1.5"),
        ["memory"] = new("a size", "memory: 256Mi"),
        ["cpuset"] = new("a CPU list", "cpuset: \"1\""),
        ["workload"] = new("a mapping", "workload: {driver: http, target: web, ...}"),
        ["driver"] = new("a driver name", "driver: http"),
        ["target"] = new("a component or an http:// URL", "target: web"),
        ["model"] = new("a mapping", "model: {type: closed, connections: 10}"),
        ["model.type"] = new("closed or open", "type: closed"),
        ["connections"] = new("an integer", "connections: 10"),
        ["thinkTime"] = new("a duration or a mapping", "thinkTime: {min: 0.5s, max: 2s}"),
        ["thinkTime.min"] = new("a duration", "min: 0.5s"),
        ["thinkTime.max"] = new("a duration", "max: 2s"),
        ["rate"] = new("a number of requests per second", "rate: 200"),
        ["maxConnections"] = new("an integer", "maxConnections: 100"),
        ["lagTolerance"] = new("a duration", "lagTolerance: 10ms"),
        ["maxLateFraction"] = new("a number from 0 to 1", "maxLateFraction: 0.01"),
        ["warmUp"] = new("a duration", "warmUp: 5s"),
        ["duration"] = new("a duration", "duration: 60s"),
        ["timeout"] = new("a duration", "timeout: 10s"),
        ["requests"] = new("a list of mappings", "requests: [{method: GET, path: /}]"),
        ["weight"] = new("a number", "weight: 70"),
        ["method"] = new("an HTTP method", "method: GET"),
        ["path"] = new("a path", "path: /health"),
        ["headers"] = new("a mapping of texts", "headers: {Content-Type: application/json}"),
        ["body"] = new("a text", "body: '{\"message\":\"hello\"}'"),
        ["expect"] = new("a status code or a list of them", "expect: [200, 201]"),
        ["thresholds"] = new("a mapping of metrics to expressions", "thresholds: {http_req_duration: [\"p(95)<500ms\"]}"),
        ["binary"] = new("a mapping", "binary: {command: /usr/sbin/nginx, package: nginx}"),
        ["command"] = new("a path or a command name", "command: ${root}/artifacts/apps/demo-app/demo-app"),
        ["build"] = new("a project folder", "build: apps/demo-app"),
        ["package"] = new("a Debian package name", "package: nginx"),
        ["searchPaths"] = new("a list of folders", "searchPaths: [/usr/sbin]"),
        ["versionArgs"] = new("a list of arguments", "versionArgs: [--version]"),
        ["ports"] = new("a list of port names", "ports: [http]"),
        ["start"] = new("a mapping", "start: {args: [], env: {PORT: \"${port.http}\"}}"),
        ["args"] = new("a list of texts", "args: [--port, \"${port.http}\"]"),
        ["env"] = new("a mapping of texts", "env: {PORT: \"${port.http}\"}"),
        ["files"] = new("a list of mappings", "files: [{path: app.conf, content: \"listen ${port.http};\"}]"),
        ["files.path"] = new("a relative file name", "path: app.conf"),
        ["content"] = new("a text", "content: \"listen ${port.http};\""),
        ["readiness"] = new("a mapping", "readiness: {http: {port: http, path: /health}}"),
        ["http"] = new("a mapping", "http: {port: http, path: /health}"),
        ["tcp"] = new("a mapping", "tcp: {port: http}"),
        ["port"] = new("a port name", "port: http"),
        ["interval"] = new("a duration", "interval: 100ms"),
        ["metrics"] = new("a mapping", "metrics: {port: http, path: /metrics}"),
        ["stop"] = new("a mapping", "stop: {signal: SIGTERM, grace: 5s}"),
        ["signal"] = new("SIGTERM, SIGINT or SIGQUIT", "signal: SIGTERM"),
        ["grace"] = new("a duration", "grace: 5s"),
        ["comparison"] = new("a mapping", "comparison: {baseline: redis, margin: 5%, confidence: 95%}"),
        ["margin"] = new("a fraction or a percentage", "margin: 5%"),
        ["confidence"] = new("a fraction or a percentage", "confidence: 95%"),
        ["cost"] = new("a mapping", "cost: {node: gcp/e2-standard-4, market: on-demand}"),
        ["node"] = new("a price book key or custom", "node: gcp/e2-standard-4"),
        ["market"] = new("on-demand or spot", "market: on-demand"),
        ["allocation"] = new("max-request-usage, usage or node", "allocation: max-request-usage"),
        ["projection"] = new("a mapping", "projection: {rate: 10000/s}"),
        ["projection.rate"] = new("a number of operations per second", "rate: 10000/s"),
        ["custom"] = new("a mapping", "custom: {cpuPerVcpuHour: 0.021811, memoryPerGiBHour: 0.002923}"),
        ["cpuPerVcpuHour"] = new("a number of US dollars", "cpuPerVcpuHour: 0.021811"),
        ["memoryPerGiBHour"] = new("a number of US dollars", "memoryPerGiBHour: 0.002923"),
        ["vcpus"] = new("a number", "vcpus: 4"),
        ["memoryGiB"] = new("a number", "memoryGiB: 16"),
        ["slos"] = new("a list of mappings", "slos: [{name: availability, objective: 99.9}]"),
        ["slos.name"] = new("a name", "name: availability"),
        ["slos.kind"] = new("availability or latency", "kind: latency"),
        ["objective"] = new("a percentage", "objective: 99.9"),
        ["threshold"] = new("a duration", "threshold: 50ms"),
        ["operation"] = new("an operation of the workload", "operation: get"),
        ["capacity"] = new("a mapping", "capacity: {slo: latency, start: 100/s, max: 10000/s}"),
        ["capacity.slo"] = new("an SLO name", "slo: latency"),
        ["capacity.start"] = new("a number of operations per second", "start: 100/s"),
        ["capacity.max"] = new("a number of operations per second", "max: 10000/s"),
        ["precision"] = new("a fraction or a percentage", "precision: 5%"),
        ["stepDuration"] = new("a duration", "stepDuration: 5s"),
    };

    /// <summary>The entry for a field path, trying <c>parent.field</c> before <c>field</c>; null for free-form keys.</summary>
    public static FieldInfo? For(string fieldPath)
    {
        var segments = Segments(fieldPath);
        if (segments.Count >= 2 && Table.TryGetValue($"{segments[^2]}.{segments[^1]}", out var qualified)) return qualified;
        return segments.Count >= 1 && Table.TryGetValue(segments[^1], out var plain) ? plain : null;
    }

    /// <summary>"e.g. connections: 10", or null when the field has no entry.</summary>
    public static string? ExampleHint(string fieldPath) => For(fieldPath) is { } info ? $"e.g. {info.Example}" : null;

    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex ListIndex();

    private static List<string> Segments(string fieldPath)
    {
        // Drop list indices: spec.variants[1].components[0].uses -> spec, variants, components, uses.
        var withoutIndices = ListIndex().Replace(fieldPath, "");
        return [.. withoutIndices.Split('.', StringSplitOptions.RemoveEmptyEntries)];
    }
}
