using Assay.Core.Plans;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests;

/// <summary>The metrics: and logs: blocks of the ingest drivers, resolved and checked.</summary>
public class IngestDriverTests
{
    private const string Metrics = """
        apiVersion: assay.dev/v1alpha1
        kind: Experiment
        metadata:
          name: tsdb
        spec:
          parameters:
            level: high
          components:
            - {name: gen, uses: cardinality-generator}
            - {name: tsdb, uses: prometheus, links: {scrape: gen}}
          workload:
            driver: metrics-ingest
            target: tsdb
            duration: 10s
            metrics:
              source: gen
              level: ${level}
              queryInterval: 2s
              queries:
                - {name: by-deck, query: 'avg by (deck) (sensor_reading)'}
                - {name: range, query: 'sum(sensor_reading)', range: 1m, step: 5s}
          thresholds:
            "metrics_query_duration{request:series}": ["p(95)<1s"]
            "metrics_query_duration{request:by-deck}": ["p(95)<1s"]
            errors: ["rate<0.01"]
        """;

    private const string Logs = """
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
            logs:
              rate: 100/s
              services: 20
              queries:
                - {name: trace, query: '{job="assay"} |= "$TRACE_ID"', range: 10m}
          thresholds:
            "logs_op_duration{request:push}": ["p(99)<500ms"]
        """;

    [Fact]
    public void A_metrics_block_resolves_to_a_plan_with_the_source_role_and_the_level_s_series()
    {
        var plan = Assert.IsType<MetricsIngestWorkloadPlan>(Plan(Metrics).Variants[0].Workload);

        Assert.Equal(("tsdb", "gen"), (plan.Target.Component, plan.Source.Component));
        Assert.Equal(("high", 50_000), (plan.Level, plan.ExpectedSeries));
        Assert.Equal(TimeSpan.FromSeconds(2), plan.QueryInterval);
        Assert.Equal(["by-deck", "range"], plan.Queries.Select(q => q.Name));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)), (plan.Queries[1].Range!.Value, plan.Queries[1].Step!.Value));
        Assert.Null(plan.Queries[0].Range);
        Assert.Equal(["target", "source"], plan.Targets.Keys);
    }

    [Fact]
    public void Metrics_settings_are_checked_each_where_it_is_written()
    {
        var yaml = Metrics
            .Replace("level: ${level}", "level: hihg", StringComparison.Ordinal)
            .Replace("source: gen", "source: generator", StringComparison.Ordinal)
            .Replace("{name: by-deck,", "{name: series,", StringComparison.Ordinal)
            .Replace("range: 1m, step: 5s", "step: 5s", StringComparison.Ordinal);
        var outcome = Load(yaml);

        Assert.Equal("did you mean 'high'?", Error(outcome, "spec.workload.metrics.level", "'hihg' is not one of").Hint);
        Error(outcome, "spec.workload.metrics.source", "has no component 'generator'");
        Error(outcome, "spec.workload.metrics.queries[0].name", "'series' is the name of the driver's own operation");
        Error(outcome, "spec.workload.metrics.queries[1].step", "'step' applies to range queries only");
    }

    [Fact]
    public void A_metrics_workload_needs_its_block_and_takes_no_model()
    {
        var yaml = Metrics[..Metrics.IndexOf("    metrics:", StringComparison.Ordinal)] + "    model: {connections: 2}\n";
        var outcome = Load(yaml);

        Error(outcome, "spec.workload.metrics", "required field is missing");
        Error(outcome, "spec.workload.model", "does not use 'model'");
    }

    [Fact]
    public void A_logs_block_resolves_rate_services_defaults_and_query_ranges()
    {
        var plan = Assert.IsType<LogsIngestWorkloadPlan>(Plan(Logs).Variants[0].Workload);

        Assert.Equal((100.0, 20), (plan.RatePerSecond, plan.Services));
        Assert.Equal((TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)), (plan.BatchInterval, plan.QueryInterval));
        var query = Assert.Single(plan.Queries);
        Assert.Equal(("trace", TimeSpan.FromMinutes(10)), (query.Name, query.Range));
        Assert.Contains("$TRACE_ID", query.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_settings_are_checked()
    {
        var yaml = Logs
            .Replace("rate: 100/s", "rate: fast", StringComparison.Ordinal)
            .Replace("services: 20", "services: 0", StringComparison.Ordinal)
            .Replace("- {name: trace,", "- {name: push, query: '{job=\"assay\"}'}\n        - {name: trace,", StringComparison.Ordinal)
            .Replace("    logs:", "    metrics: {source: loki}\n    logs:", StringComparison.Ordinal);
        var outcome = Load(yaml);

        Error(outcome, "spec.workload.logs.rate", "expected a number of requests per second");
        Error(outcome, "spec.workload.logs.services", "must be from 1");
        Error(outcome, "spec.workload.logs.queries[0].name", "'push' is the name of the driver's own operation");
        Error(outcome, "spec.workload.metrics", "holds settings of the metrics-ingest driver");
    }

    [Fact]
    public void An_ingest_driver_on_the_wrong_technology_names_both_and_the_valid_pairs()
    {
        var outcome = Load(Logs.Replace("uses: loki", "uses: prometheus, links: {scrape: loki}", StringComparison.Ordinal)
            .Replace("- {name: loki,", "- {name: gen, uses: cardinality-generator}\n    - {name: loki,", StringComparison.Ordinal)
            .Replace("links: {scrape: loki}", "links: {scrape: gen}", StringComparison.Ordinal));

        var error = Error(outcome, "spec.workload.target", "the logs-ingest driver cannot drive 'loki'");
        Assert.Contains("speaks prometheus", error.Message, StringComparison.Ordinal);
        Assert.Contains("metrics-ingest → prometheus", error.Hint, StringComparison.Ordinal);
    }
}
