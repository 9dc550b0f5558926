using Assay.Core.Plans;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests;

/// <summary>Cross-references and defaults: catalog entries, targets, thresholds, placement, names, models.</summary>
public class ResolutionTests
{
    private const string TwoVariants = """
        apiVersion: assay.dev/v1alpha1
        kind: Experiment
        metadata:
          name: two
        spec:
          variants:
            - name: demo
              components:
                - name: web
                  uses: demo-app
            - name: kv
              components:
                - name: web
                  uses: kv-store
                  parameters: {threads: 8}
          workload:
            driver: http
            target: web
            model: {type: closed, connections: 2}
            duration: 5s
            requests:
              - path: /
        """;

    [Fact]
    public void Defaults_are_applied_by_the_resolver()
    {
        var plan = Plan(Minimal);
        var http = Http(plan);
        Assert.Equal("test", plan.Info.Name);
        Assert.Equal("test", plan.Info.Title);
        Assert.Equal(1, plan.Trials);
        Assert.Equal(PlacementPlan.Unpinned, plan.Placement);
        Assert.Equal(TimeSpan.FromSeconds(5), http.WarmUp);
        Assert.Equal(TimeSpan.FromSeconds(10), http.Timeout);
        Assert.Equal(new ClosedModel(4, TimeSpan.Zero, TimeSpan.Zero), http.Model);
        var request = Assert.Single(http.Requests);
        Assert.Equal(("get-index", 1.0, "GET"), (request.Name, request.Weight, request.Method));
        Assert.Empty(request.ExpectedStatus);
        var variant = Assert.Single(plan.Variants);
        Assert.Equal("default", variant.Name);
        var component = Assert.Single(variant.Components);
        Assert.Equal((1, ResourcePlan.Unlimited), (component.Replicas, component.Resources));
        Assert.Equal(new TargetPlan("web", null, null), http.Target);
        Assert.Equal((Fixtures.File, Minimal), (plan.Source.Path, plan.Source.Text));
    }

    [Fact]
    public void Command_line_duration_and_trials_override_the_file()
    {
        var outcome = Load(Replace(Minimal, "  components:", "  trials: 3\n  components:"), duration: TimeSpan.FromSeconds(2), trials: 7);
        Assert.Equal(7, outcome.Value!.Trials);
        Assert.Equal(TimeSpan.FromSeconds(2), outcome.Value.Workload.Duration);
        // With --duration the file need not say one.
        Assert.NotNull(Load(Replace(Minimal, "    duration: 10s\n", ""), duration: TimeSpan.FromSeconds(2)).Value);
    }

    [Fact]
    public void Bad_command_line_overrides_are_errors()
    {
        var outcome = Load(Minimal, duration: TimeSpan.Zero, trials: 0);
        Error(outcome, "--duration", "must be greater than zero");
        Error(outcome, "--trials", "must be at least 1");
    }

    [Fact]
    public void An_unknown_catalog_entry_suggests_the_close_one()
    {
        var error = Error(Load(Replace(Minimal, "uses: demo-app", "uses: demo-ap")), "spec.components[0].uses", "no catalog entry named 'demo-ap'");
        Assert.Equal("did you mean 'demo-app'?", error.Hint);
        At(error, 8, 13);
    }

    [Fact]
    public void An_unknown_catalog_entry_far_from_any_lists_the_catalog()
    {
        var error = Error(Load(Replace(Minimal, "uses: demo-app", "uses: postgres")), "spec.components[0].uses", "no catalog entry named 'postgres'");
        Assert.Equal($"the catalog has: {string.Join(", ", Catalog.Names)}", error.Hint);
        Assert.Contains("kv-store", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Component_parameters_must_be_declared_by_the_entry()
    {
        var outcome = Load(Replace(TwoVariants, "parameters: {threads: 8}", "parameters: {thread: 8, mode: slow}"));
        var error = Error(outcome, "spec.variants[1].components[0].parameters.thread", "catalog entry 'kv-store' has no parameter 'thread'");
        Assert.Equal("did you mean 'threads'?", error.Hint);
        var none = Error(Load(Replace(Minimal, "uses: demo-app", "uses: demo-app\n      parameters: {x: 1}")), "spec.components[0].parameters.x", "has no parameter 'x'");
        Assert.Equal("it declares no parameters; remove this one", none.Hint);
    }

    [Fact]
    public void Component_parameters_are_merged_over_the_entry_defaults()
    {
        var plan = Plan(TwoVariants);
        var kv = plan.Variants[1].Components[0];
        Assert.Equal("8", kv.Parameters["threads"]);
        Assert.Equal("fast", kv.Parameters["mode"]);
    }

    [Fact]
    public void The_target_must_be_a_component_of_every_variant()
    {
        var outcome = Load(Replace(TwoVariants, "        - name: web\n          uses: kv-store", "        - name: api\n          uses: kv-store"));
        var error = Error(outcome, "spec.workload.target", "variant 'kv' has no component 'web'");
        Assert.Equal("its components are: api", error.Hint);
        At(error, 18, 13);
    }

    [Fact]
    public void A_named_target_port_must_exist_in_each_variant()
    {
        var outcome = Load(Replace(TwoVariants, "target: web", "target: web:client"));
        var error = Error(outcome, "spec.workload.target", "component 'web' of variant 'demo' (demo-app) has no port 'client'");
        Assert.Equal("allowed: http", error.Hint);
        Assert.Single(outcome.Diagnostics);
    }

    [Fact]
    public void A_named_target_port_resolves()
    {
        var yaml = Replace(TwoVariants, "uses: demo-app", "uses: kv-store");
        var plan = Plan(Replace(yaml, "target: web", "target: web:admin"));
        Assert.Equal(new TargetPlan("web", "admin", null), Http(plan).Target);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8443", "https targets are not supported yet")]
    [InlineData("ftp://127.0.0.1", "'ftp://127.0.0.1' is not an http:// URL")]
    [InlineData("http://", "'http://' is not an http:// URL")]
    [InlineData("Web Server", "'Web Server' is neither a component nor an http:// URL")]
    public void Bad_targets_are_rejected(string target, string message) =>
        Error(Load(Replace(Minimal, "target: web", $"target: {target}")), "spec.workload.target", message);

    [Fact]
    public void A_url_target_needs_no_components()
    {
        var yaml = Replace(Minimal, "  components:\n    - name: web\n      uses: demo-app\n", "");
        var plan = Plan(Replace(yaml, "target: web", "target: http://127.0.0.1:9000/api"));
        Assert.Equal(new Uri("http://127.0.0.1:9000/api"), Http(plan).Target.Url);
        Assert.Empty(Assert.Single(plan.Variants).Components);
        var componentTarget = Error(Load(yaml), "spec.workload.target", "the experiment has no components");
        Assert.Contains("http:// URL", componentTarget.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Variants_and_components_are_exclusive()
    {
        var yaml = Replace(TwoVariants, "  workload:", "  components:\n    - name: web\n      uses: demo-app\n  workload:");
        Error(Load(yaml), "spec.components", "'components' and 'variants' are both set");
    }

    [Fact]
    public void Duplicate_names_are_reported_at_the_second()
    {
        var variants = Load(Replace(TwoVariants, "- name: kv", "- name: demo"));
        var variant = Error(variants, "spec.variants[1].name", "variant name 'demo' is used twice");
        Assert.Equal("the first is at line 7; give each variant its own name", variant.Hint);

        var components = Load(Replace(Minimal, "      uses: demo-app", "      uses: demo-app\n    - name: web\n      uses: hello-app"));
        Error(components, "spec.components[1].name", "component name 'web' is used twice in this variant");

        var derived = Load(Replace(Minimal, "      - path: /", "      - path: /\n      - path: /\n        weight: 2"));
        var request = Error(derived, "spec.workload.requests[1].name", "request name 'get-index' is used twice");
        Assert.Contains("set name:", request.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/", "get-index")]
    [InlineData("POST", "/echo", "post-echo")]
    [InlineData("GET", "/api/v1/users?id=3", "get-api-v1-users-id-3")]
    [InlineData("DELETE", "//x//", "delete-x")]
    public void Request_names_derive_from_method_and_path(string method, string path, string name) =>
        Assert.Equal(name, Experiments.RequestNames.Derive(method, path));

    [Fact]
    public void Request_fields_are_checked()
    {
        var yaml = Replace(Minimal, "      - path: /", """
                  - path: health
                    method: get
                    headers: {"Bad Header": x}
                    expect: []
            """.TrimEnd());
        var outcome = Load(yaml);
        Error(outcome, "spec.workload.requests[0].path", "path 'health' does not start with '/'");
        Assert.Equal("did you mean 'GET'?", Error(outcome, "spec.workload.requests[0].method", "'get' is not one of").Hint);
        Error(outcome, "spec.workload.requests[0].headers[\"Bad Header\"]", "'Bad Header' is not a valid header name");
        Error(outcome, "spec.workload.requests[0].expect", "lists no status");
    }

    [Fact]
    public void A_full_request_resolves()
    {
        var plan = Plan(Replace(Minimal, "      - path: /", """
                  - name: echo
                    weight: 2.5
                    method: POST
                    path: /echo
                    headers: {Content-Type: application/json}
                    body: '{"a":1}'
                    expect: [200, 201]
            """.TrimEnd()));
        var request = Assert.Single(Http(plan).Requests);
        Assert.Equal([200, 201], request.ExpectedStatus);
        Assert.Equal(("echo", 2.5, "POST", "/echo", "{\"a\":1}"), (request.Name, request.Weight, request.Method, request.Path, request.Body));
        Assert.Equal("application/json", request.Headers["Content-Type"]);
    }

    [Fact]
    public void Thresholds_resolve_with_request_tags()
    {
        var yaml = Minimal + "\n" + """
                  - name: echo
                    method: POST
                    path: /echo
              thresholds:
                http_req_duration: ["p(95)<500ms", "avg<200"]
                "http_req_duration{request:echo}": "p(99)<1s"
                errors: rate<0.1
            """;
        var thresholds = Plan(yaml).Thresholds;
        Assert.Equal(4, thresholds.Count);
        Assert.Equal(("http_req_duration", null, ThresholdStat.Percentile, 95.0, 500.0), (thresholds[0].Metric, thresholds[0].Tag, thresholds[0].Stat, thresholds[0].Percentile!.Value, thresholds[0].Value));
        Assert.Equal(("echo", 1000.0), (thresholds[2].Tag, thresholds[2].Value));
        Assert.Equal((ThresholdStat.Rate, 0.1), (thresholds[3].Stat, thresholds[3].Value));
        Assert.Equal(22, thresholds[0].Location!.Line);
    }

    [Fact]
    public void Threshold_problems_are_each_reported_where_they_are()
    {
        var yaml = Minimal + "\n" + """
              thresholds:
                http_req_duraton: ["p(95)<500ms"]
                "http_req_duration{request:ech}": "p(99)<1s"
                "http_req_duration{host:a}": "p(99)<1s"
                errors: ["rate~0.1", "p(95)<1"]
            """;
        var outcome = Load(yaml);
        var metric = Error(outcome, "spec.thresholds.http_req_duraton", "unknown metric 'http_req_duraton' for the http driver");
        Assert.Equal("did you mean 'http_req_duration'?", metric.Hint);
        At(metric, 19, 5);
        var tag = Error(outcome, "spec.thresholds.http_req_duration{request:ech}", "no request named 'ech'");
        Assert.Equal("allowed: get-index", tag.Hint);
        Error(outcome, "spec.thresholds.http_req_duration{host:a}", "tag 'host' is not known");
        At(Error(outcome, "spec.thresholds.errors[0]", "'rate~0.1' is not a threshold expression"), 22, 14);
        Error(outcome, "spec.thresholds.errors[1]", "'p(95)' cannot be read from errors");
    }

    [Fact]
    public void Placement_sets_are_parsed_and_must_not_overlap()
    {
        var placed = Replace(Minimal, "  components:", "  placement: {loadGenerator: \"0\", components: \"1-3\"}\n  components:");
        Assert.Equal(new PlacementPlan("0", "1-3"), Plan(placed).Placement);

        var overlap = Load(Replace(Minimal, "  components:", "  placement:\n    loadGenerator: \"0-1\"\n    components: \"1,2\"\n  components:"));
        var error = Error(overlap, "spec.placement.components", "CPU 1 is in both placement.loadGenerator (0-1) and components (1-2)");
        At(error, 8, 17);

        var own = Load(Replace(Minimal, "uses: demo-app", "uses: demo-app\n      resources: {cpuset: \"0\"}").Replace("  components:", "  placement: {loadGenerator: 0}\n  components:", StringComparison.Ordinal));
        Error(own, "spec.components[0].resources.cpuset", "CPU 0 is in both placement.loadGenerator (0) and this component's cpuset (0)");

        var bad = Load(Replace(Minimal, "  components:", "  placement: {loadGenerator: \"3-1\", components: \"x\"}\n  components:"));
        Assert.Equal(Values.CpuSet.Hint, Error(bad, "spec.placement.loadGenerator", "'3-1' is not a CPU list").Hint);
        Error(bad, "spec.placement.components", "'x' is not a CPU list");
    }

    [Fact]
    public void Component_resources_resolve()
    {
        var plan = Plan(Replace(Minimal, "uses: demo-app", "uses: demo-app\n      replicas: 2\n      resources: {cpus: 1.5, memory: 256Mi, cpuset: \"1\"}"));
        var component = plan.Variants[0].Components[0];
        Assert.Equal(2, component.Replicas);
        Assert.Equal(new ResourcePlan(1.5, 256L * 1024 * 1024, "1"), component.Resources);
    }

    [Fact]
    public void The_open_model_resolves_with_its_defaults()
    {
        var open = Plan(Replace(Minimal, "      type: closed\n      connections: 4", "      type: open\n      rate: 200/s"));
        Assert.Equal(new OpenModel(200, 100, TimeSpan.FromMilliseconds(10), 0.01), open.Workload.Model);
        var full = Plan(Replace(Minimal, "      type: closed\n      connections: 4", "      type: open\n      rate: 50.5\n      maxConnections: 8\n      lagTolerance: 5ms\n      maxLateFraction: 0.2"));
        Assert.Equal(new OpenModel(50.5, 8, TimeSpan.FromMilliseconds(5), 0.2), full.Workload.Model);
    }

    [Fact]
    public void Model_fields_of_the_other_kind_and_bad_rates_are_rejected()
    {
        var open = Load(Replace(Minimal, "      type: closed", "      type: open\n      rate: 0\n      maxLateFraction: 2\n      thinkTime: 1s"));
        Error(open, "spec.workload.model.connections", "'connections' belongs to the closed model");
        Error(open, "spec.workload.model.thinkTime", "'thinkTime' belongs to the closed model");
        Error(open, "spec.workload.model.rate", "must be greater than 0, got 0");
        Error(open, "spec.workload.model.maxLateFraction", "must be from 0 to 1, got 2");

        var closed = Load(Replace(Minimal, "      connections: 4", "      connections: 4\n      rate: 10"));
        Assert.Equal("remove it, or set type: open", Error(closed, "spec.workload.model.rate", "'rate' belongs to the open model").Hint);

        var type = Load(Replace(Minimal, "type: closed", "type: closd"));
        Assert.Equal("did you mean 'closed'?", Error(type, "spec.workload.model.type", "'closd' is not one of closed, open").Hint);

        Error(Load(Replace(Minimal, "      type: closed\n      connections: 4", "      type: open\n      rate: fast")), "spec.workload.model.rate", "expected a number of requests per second");
    }

    [Fact]
    public void Think_time_is_one_duration_or_an_ordered_range()
    {
        var fixedPause = Plan(Replace(Minimal, "connections: 4", "connections: 4\n      thinkTime: 1s"));
        Assert.Equal(new ClosedModel(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), fixedPause.Workload.Model);
        var range = Plan(Replace(Minimal, "connections: 4", "connections: 4\n      thinkTime: {min: 0.5s, max: 2s}"));
        Assert.Equal(new ClosedModel(4, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)), range.Workload.Model);
        var reversed = Load(Replace(Minimal, "connections: 4", "connections: 4\n      thinkTime: {min: 2s, max: 1s}"));
        Error(reversed, "spec.workload.model.thinkTime.max", "max (1s) is less than min (2s)");
        var half = Load(Replace(Minimal, "connections: 4", "connections: 4\n      thinkTime: {min: 2s}"));
        Error(half, "spec.workload.model.thinkTime.max", "required field is missing");
    }

    [Fact]
    public void A_hypothesis_is_parsed_and_kept()
    {
        var yaml = Replace(Minimal, "  components:", """
              hypothesis:
                claim: It is fast
                questions: [How fast?]
                focus: [latency]
                successCriteria:
                  - {metric: p95_latency_ms, operator: lt, value: 500, description: quick}
              components:
            """.TrimEnd());
        var hypothesis = Plan(yaml).Info.Hypothesis!;
        Assert.Equal("It is fast", hypothesis.Claim);
        Assert.Equal(["How fast?"], hypothesis.Questions);
        Assert.Equal(["latency"], hypothesis.Focus);
        Assert.Equal(new SuccessCriterion("p95_latency_ms", "lt", 500, "quick"), Assert.Single(hypothesis.SuccessCriteria));

        var bad = Load(Replace(yaml, "{metric: p95_latency_ms, operator: lt, value: 500, description: quick}", "{metric: P95, operator: less, value: x}").Replace("    claim: It is fast\n", "", StringComparison.Ordinal));
        Error(bad, "spec.hypothesis.claim", "required field is missing");
        Error(bad, "spec.hypothesis.successCriteria[0].metric", "'P95' is not a metric name");
        Error(bad, "spec.hypothesis.successCriteria[0].operator", "'less' is not one of lt, lte, gt, gte");
        Error(bad, "spec.hypothesis.successCriteria[0].value", "expected a number, got 'x'");
    }
}
