using System.Text.Json;
using Assay.Core.Measurements;
using Assay.Core.Results;
using Assay.Testing;

namespace Assay.Core.Tests.Results;

public class ResultJsonTests
{
    private static readonly RunResult Passed = new RunResultBuilder { Trials = 2 }.Build();

    private static readonly RunResult Failed = new RunResultBuilder { Trials = 1, Thresholds = [("http_reqs", "count>1000000")] }.Build();

    private static JsonElement Root(RunResult result) => JsonDocument.Parse(ResultJson.Serialize(result)).RootElement;

    [Fact]
    public void Property_names_are_camel_case()
    {
        var root = Root(Passed);
        foreach (var name in new[] { "schemaVersion", "runId", "experiment", "startedAt", "endedAt", "durationSeconds", "environment", "variants", "experimentFile" })
            Assert.True(root.TryGetProperty(name, out _), $"missing '{name}'");
        var workload = root.GetProperty("variants")[0].GetProperty("workload");
        Assert.Equal(JsonValueKind.Number, workload.GetProperty("errorRate").ValueKind);
        Assert.Equal(JsonValueKind.Number, workload.GetProperty("latencyMs").GetProperty("p999").ValueKind);
        Assert.Equal(JsonValueKind.Array, workload.GetProperty("byRequest").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("environment").GetProperty("machine").GetProperty("logicalCpus").ValueKind);
    }

    [Fact]
    public void Statuses_are_lowercase_strings()
    {
        Assert.Equal(RunStatus.Passed, Passed.Status);
        Assert.Equal("passed", Root(Passed).GetProperty("status").GetString());
        Assert.Equal("passed", Root(Passed).GetProperty("variants")[0].GetProperty("trialResults")[1].GetProperty("status").GetString());
        Assert.Equal("failed", Root(Failed).GetProperty("status").GetString());
        Assert.Equal("failed", Root(Failed).GetProperty("variants")[1].GetProperty("status").GetString());
    }

    [Fact]
    public void Dictionary_keys_are_written_as_given()
    {
        var request = Root(Failed).GetProperty("variants")[0].GetProperty("workload").GetProperty("byRequest")[0];
        Assert.Equal(JsonValueKind.Number, request.GetProperty("statuses").GetProperty("200").ValueKind);
        var trial = Root(Failed).GetProperty("variants")[0].GetProperty("trialResults")[0];
        Assert.Equal(JsonValueKind.String, trial.GetProperty("histograms").GetProperty("home").ValueKind);
    }

    [Fact]
    public void Nulls_are_left_out()
    {
        Assert.Null(Passed.Message);
        Assert.False(Root(Passed).TryGetProperty("message", out _));
        Assert.True(Root(Failed).TryGetProperty("message", out _));
    }

    [Fact]
    public void Comparison_signs_and_micro_signs_are_written_unescaped()
    {
        var result = Passed with { Title = "p99 < 250 ms & 800 µs" };
        var json = ResultJson.Serialize(result);
        Assert.Contains("\"title\": \"p99 < 250 ms & 800 µs\"", json, StringComparison.Ordinal);
        Assert.Contains("\"expression\": \"http_req_duration: p(99)<250ms\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compact_form_is_one_line_with_the_same_names()
    {
        var json = JsonSerializer.Serialize(Passed, ResultJson.Compact);
        Assert.DoesNotContain('\n', json);
        Assert.Contains("\"status\":\"passed\"", json, StringComparison.Ordinal);
        Assert.Equal(ResultJson.Serialize(Passed), JsonSerializer.Serialize(JsonSerializer.Deserialize<RunResult>(json, ResultJson.Compact), ResultJson.Options));
    }

    [Fact]
    public void A_result_round_trips_through_its_document_with_every_value_kept()
    {
        var json = ResultJson.Serialize(Failed);
        var back = ResultJson.Deserialize(json);

        Assert.Equal(json, ResultJson.Serialize(back));
        Assert.Equal((Failed.RunId, Failed.Status, Failed.StartedAt, Failed.EndedAt), (back.RunId, back.Status, back.StartedAt, back.EndedAt));
        Assert.Equal(Failed.Environment.Machine, back.Environment.Machine);
        Assert.Equal(Failed.Environment.Placement, back.Environment.Placement);
        var (before, after) = (Failed.Variants[0], back.Variants[0]);
        Assert.Equal(before.Workload.LatencyMs, after.Workload.LatencyMs);
        Assert.Equal(before.Workload.Throughput, after.Workload.Throughput);
        Assert.Equal(before.Thresholds, after.Thresholds);
        Assert.Equal(before.Components, after.Components);
        Assert.Equal(before.TrialResults[0].Thresholds, after.TrialResults[0].Thresholds);
        Assert.Equal(before.TrialResults[0].Series.Workload, after.TrialResults[0].Series.Workload);
        Assert.Equal(before.TrialResults[0].Series.Components[0].Samples, after.TrialResults[0].Series.Components[0].Samples);
        Assert.Equal(before.TrialResults[0].Workload!.Schedule, after.TrialResults[0].Workload!.Schedule);
        Assert.Equal(before.Workload.ByRequest[2].Statuses, after.Workload.ByRequest[2].Statuses);
        Assert.Equal(Failed.Parameters, back.Parameters);
        Assert.Equal(Failed.Hypothesis!.Criteria, back.Hypothesis!.Criteria);
        Assert.Equal(Failed.Hypothesis.Verdict, back.Hypothesis.Verdict);
    }

    [Fact]
    public void Histograms_survive_the_round_trip_with_their_counts()
    {
        var before = Failed.Variants[0].TrialResults[0];
        var after = ResultJson.Deserialize(ResultJson.Serialize(Failed)).Variants[0].TrialResults[0];
        Assert.Equal(before.Histograms, after.Histograms);
        Assert.Equal(before.Workload!.ByRequest[0].Requests, LatencyHistogram.Decode(after.Histograms["home"]).Count);
    }

    [Fact]
    public void A_null_document_is_refused_with_a_message_saying_so()
    {
        var error = Assert.Throws<JsonException>(() => ResultJson.Deserialize("null"));
        Assert.Equal("The result document is empty (the JSON text was 'null').", error.Message);
    }
}
