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
        Assert.Equal(TimeSpan.FromSeconds(2), outcome.Value.Variants[0].Workload.Duration);
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
        var error = Error(Load(Replace(Minimal, "uses: demo-app", "uses: cassandra")), "spec.components[0].uses", "no catalog entry named 'cassandra'");
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
        Assert.Equal(Core.Units.CpuSetText.Hint, Error(bad, "spec.placement.loadGenerator", "'3-1' is not a CPU list").Hint);
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
    public void A_hypothesis_is_parsed_and_kept()
    {
        var yaml = Replace(Minimal, "  components:", """
              hypothesis:
                claim: It is fast
                questions: [How fast?]
                focus: [latency]
                successCriteria:
                  - {metric: latency_p99_ms, operator: lt, value: 500, description: quick}
              components:
            """.TrimEnd());
        var hypothesis = Plan(yaml).Info.Hypothesis!;
        Assert.Equal("It is fast", hypothesis.Claim);
        Assert.Equal(["How fast?"], hypothesis.Questions);
        Assert.Equal(["latency"], hypothesis.Focus);
        Assert.Equal(new SuccessCriterion("latency_p99_ms", "lt", 500, "quick"), Assert.Single(hypothesis.SuccessCriteria));

        var bad = Load(Replace(yaml, "{metric: latency_p99_ms, operator: lt, value: 500, description: quick}", "{metric: P95, operator: less, value: x}").Replace("    claim: It is fast\n", "", StringComparison.Ordinal));
        Error(bad, "spec.hypothesis.claim", "required field is missing");
        Error(bad, "spec.hypothesis.successCriteria[0].metric", "'P95' is not a KPI");
        Error(bad, "spec.hypothesis.successCriteria[0].operator", "'less' is not one of lt, lte, gt, gte");
        Error(bad, "spec.hypothesis.successCriteria[0].value", "expected a number, got 'x'");
    }
}
