using Assay.Core.Capacity;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests.Evidence;

/// <summary><c>spec.workload.capacity</c>: one search for the experiment, on a declared SLO, over the open model.</summary>
public class CapacitySpecTests
{
    private const string Capacity = "capacity: {slo: latency, start: 50/s, max: 2000/s, precision: 10%, stepDuration: 3s}";

    [Fact]
    public void The_search_resolves_into_the_plan()
    {
        var plan = Plan(EvidenceFixture.Yaml);
        Assert.Equal(new CapacityPlan("latency", 50, 2000, 0.1, TimeSpan.FromSeconds(3)), plan.Capacity);
    }

    [Fact]
    public void Precision_and_step_duration_have_defaults()
    {
        var plan = Plan(EvidenceFixture.With(Capacity, "capacity: {slo: availability, start: 100, max: 10000/s}"));
        Assert.Equal(new CapacityPlan("availability", 100, 10_000, 0.05, TimeSpan.FromSeconds(5)), plan.Capacity);
    }

    [Fact]
    public void Without_a_capacity_block_nothing_is_searched()
    {
        Assert.Null(Plan(Minimal).Capacity);
    }

    [Fact]
    public void The_slo_must_be_declared()
    {
        var error = Error(Load(EvidenceFixture.With("slo: latency, start", "slo: latncy, start")), "spec.workload.capacity.slo", "no SLO named 'latncy'");
        Assert.Equal("did you mean 'latency'?", error.Hint);
        At(error, 24, 21);
    }

    [Fact]
    public void Without_slos_the_hint_says_how_to_declare_one()
    {
        var yaml = EvidenceFixture.Yaml[..EvidenceFixture.Yaml.IndexOf("  slos:", StringComparison.Ordinal)];
        var error = Error(Load(yaml), "spec.workload.capacity.slo", "no SLO named 'latency'");
        Assert.Equal("declare it under spec.slos, e.g. slos: [{name: latency, objective: 99, threshold: 50ms}]", error.Hint);
    }

    [Fact]
    public void Start_must_be_below_max()
    {
        var error = Error(Load(EvidenceFixture.With("max: 2000/s", "max: 50/s")), "spec.workload.capacity.max", "max (50/s) must be above start (50/s)");
        Assert.StartsWith("the search starts at start and doubles", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workload_must_drive_the_open_model()
    {
        var outcome = Load(EvidenceFixture.With("model: {type: open, rate: 100/s}", "model: {type: closed, connections: 4}"));
        var error = Error(outcome, "spec.workload.capacity", "a capacity search needs the open model, but the models of variants 'slow', 'fast' are closed");
        Assert.StartsWith("set model: {type: open", error.Hint, StringComparison.Ordinal);
        At(error, 24, 15);
    }

    [Fact]
    public void A_driver_that_sets_its_load_in_its_block_cannot_be_searched()
    {
        const string logs = """
            apiVersion: assay.dev/v1alpha1
            kind: Experiment
            metadata:
              name: logs
            spec:
              components:
                - {name: loki, uses: loki}
              workload:
                driver: logs-ingest
                target: loki
                duration: 10s
                logs: {rate: 100/s, services: 20}
                capacity: {slo: up, start: 100/s, max: 1000/s}
              slos:
                - {name: up, objective: 99}
            """;
        var error = Error(Load(logs), "spec.workload.capacity",
            "a capacity search varies workload.model.rate, and the logs-ingest driver sets its load in workload.logs instead");
        Assert.Equal("search capacity with a driver that takes an open model: http, sql, kv", error.Hint);
        At(error, 13, 15);
    }

    [Theory]
    [InlineData(Capacity, "capacity: {start: 50/s, max: 2000/s}", "spec.workload.capacity.slo", "required field is missing", "e.g. slo: latency")]
    [InlineData(Capacity, "capacity: {slo: latency, max: 2000/s}", "spec.workload.capacity.start", "required field is missing", "e.g. start: 100/s")]
    [InlineData(Capacity, "capacity: {slo: latency, start: 50/s}", "spec.workload.capacity.max", "required field is missing", "e.g. max: 10000/s")]
    [InlineData("start: 50/s", "start: lots", "spec.workload.capacity.start", "expected a number of requests per second, got 'lots'", "write a number or a rate, e.g. rate: 200 or rate: 200/s")]
    [InlineData("precision: 10%", "precision: 0%", "spec.workload.capacity.precision", "must be above 0% and below 100%, got 0%", "e.g. precision: 5%")]
    [InlineData("stepDuration: 3s", "stepDuration: 3", "spec.workload.capacity.stepDuration", "'3' is not a duration", "a number alone has no unit; write a number with a unit: us, ms, s, m or h, e.g. 500ms, 30s, 1m30s")]
    [InlineData("stepDuration: 3s", "steps: 3", "spec.workload.capacity.steps", "unknown field 'steps'", "allowed: slo, start, max, precision, stepDuration")]
    public void Each_mistake_is_reported_at_its_field_with_a_hint(string piece, string replacement, string path, string message, string hint)
    {
        var error = Error(Load(EvidenceFixture.With(piece, replacement)), path, message);
        Assert.Equal(hint, error.Hint);
        Assert.Equal(24, error.Location!.Line);
    }
}
