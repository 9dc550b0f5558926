using Assay.Core.Plans;
using static Assay.Specs.Tests.Fixtures;

namespace Assay.Specs.Tests;

/// <summary>The workload: load models, think time, the request mix and thresholds.</summary>
public class WorkloadTests
{
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
        var thresholds = Plan(yaml).Variants[0].Thresholds;
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
    public void The_open_model_resolves_with_its_defaults()
    {
        var open = Plan(Replace(Minimal, "      type: closed\n      connections: 4", "      type: open\n      rate: 200/s"));
        Assert.Equal(new OpenModel(200, 100, TimeSpan.FromMilliseconds(10), 0.01), open.Variants[0].Workload.Model);
        var full = Plan(Replace(Minimal, "      type: closed\n      connections: 4", "      type: open\n      rate: 50.5\n      maxConnections: 8\n      lagTolerance: 5ms\n      maxLateFraction: 0.2"));
        Assert.Equal(new OpenModel(50.5, 8, TimeSpan.FromMilliseconds(5), 0.2), full.Variants[0].Workload.Model);
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
        Assert.Equal(new ClosedModel(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), fixedPause.Variants[0].Workload.Model);
        var range = Plan(Replace(Minimal, "connections: 4", "connections: 4\n      thinkTime: {min: 0.5s, max: 2s}"));
        Assert.Equal(new ClosedModel(4, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)), range.Variants[0].Workload.Model);
        var reversed = Load(Replace(Minimal, "connections: 4", "connections: 4\n      thinkTime: {min: 2s, max: 1s}"));
        Error(reversed, "spec.workload.model.thinkTime.max", "max (1s) is less than min (2s)");
        var half = Load(Replace(Minimal, "connections: 4", "connections: 4\n      thinkTime: {min: 2s}"));
        Error(half, "spec.workload.model.thinkTime.max", "required field is missing");
    }
}
