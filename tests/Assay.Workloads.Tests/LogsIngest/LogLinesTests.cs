using System.Globalization;
using System.Text.Json;
using Assay.Workloads.LogsIngest;
using Assay.Workloads.LogsIngest.Lines;

namespace Assay.Workloads.Tests.LogsIngest;

public sealed class LogLinesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 7, 30, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_line_is_one_JSON_object_with_the_origin_fields_in_order()
    {
        var line = new LogLineGenerator(3, 5).Next(At);
        using var json = JsonDocument.Parse(line.ToJson());

        Assert.Equal(["timestamp", "level", "service", "endpoint", "method", "status", "duration_ms", "trace_id", "message"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-27T07:30:00.123Z", json.RootElement.GetProperty("timestamp").GetString());
        Assert.Matches("^[0-9a-f]{32}$", json.RootElement.GetProperty("trace_id").GetString());
        Assert.Equal(line.Status, json.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain('\n', line.ToJson());
    }

    [Fact]
    public void Levels_follow_the_40_40_15_5_weights_and_statuses_go_with_them()
    {
        var generator = new LogLineGenerator(11, 20);
        var lines = Enumerable.Range(0, 20_000).Select(_ => generator.Next(At)).ToList();

        var share = lines.GroupBy(l => l.Level).ToDictionary(g => g.Key, g => g.Count() / (double)lines.Count);
        // Binomial sd at n = 20,000 is at most 0.35 percentage points: ±1.5 points is over 4 sd.
        Assert.InRange(share["debug"], 0.385, 0.415);
        Assert.InRange(share["info"], 0.385, 0.415);
        Assert.InRange(share["warn"], 0.135, 0.165);
        Assert.InRange(share["error"], 0.035, 0.065);
        Assert.All(lines.Where(l => l.Level == "error"), l => Assert.InRange(l.Status, 500, 599));
        Assert.All(lines.Where(l => l.Level == "warn"), l => Assert.InRange(l.Status, 400, 499));
        Assert.All(lines.Where(l => l.Level is "info" or "debug"), l => Assert.InRange(l.Status, 200, 299));
        Assert.Equal(20, lines.Select(l => l.Service).Distinct().Count());
        Assert.Equal(lines.Count, lines.Select(l => l.TraceId).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_makes_the_same_lines()
    {
        var first = new LogLineGenerator(42, 7);
        var second = new LogLineGenerator(42, 7);
        var other = new LogLineGenerator(43, 7);

        var a = Enumerable.Range(0, 50).Select(_ => first.Next(At).ToJson()).ToList();
        Assert.Equal(a, Enumerable.Range(0, 50).Select(_ => second.Next(At).ToJson()));
        Assert.NotEqual(a, Enumerable.Range(0, 50).Select(_ => other.Next(At).ToJson()));
    }

    [Fact]
    public void A_push_groups_lines_into_streams_by_service_and_level_keeping_each_line_and_its_time()
    {
        var generator = new LogLineGenerator(5, 3);
        var lines = Enumerable.Range(0, 200).Select(i => generator.Next(At.AddMilliseconds(i))).ToList();

        using var body = JsonDocument.Parse(LokiClient.PushBody(lines));

        var streams = body.RootElement.GetProperty("streams").EnumerateArray().ToList();
        Assert.Equal(lines.Select(l => (l.Service, l.Level)).Distinct().Count(), streams.Count);
        var pushed = streams.SelectMany(s => s.GetProperty("values").EnumerateArray().Select(v => (
            Labels: s.GetProperty("stream"), Nanoseconds: long.Parse(v[0].GetString()!, CultureInfo.InvariantCulture), Line: v[1].GetString()!))).ToList();
        Assert.Equal(lines.Count, pushed.Count);
        Assert.Equal(lines.Select(l => l.ToJson()).Order(), pushed.Select(p => p.Line).Order());
        Assert.All(pushed, p =>
        {
            using var line = JsonDocument.Parse(p.Line);
            Assert.Equal("assay", p.Labels.GetProperty("job").GetString());
            Assert.Equal(line.RootElement.GetProperty("service").GetString(), p.Labels.GetProperty("service").GetString());
            Assert.Equal(line.RootElement.GetProperty("level").GetString(), p.Labels.GetProperty("level").GetString());
            // The entry's time is the line's own (to the millisecond), plus its position in the batch in nanoseconds.
            var stamped = DateTimeOffset.Parse(line.RootElement.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(p.Nanoseconds - LokiClient.Nanoseconds(stamped), 0, lines.Count);
        });
    }
}
