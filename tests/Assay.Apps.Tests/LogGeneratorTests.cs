using System.Globalization;
using System.Net;
using System.Text.Json;
using Assay.Apps.Tests.Checks;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

public sealed class LogGeneratorTests
{
    private static readonly string[] Levels = ["debug", "info", "warn", "error"];

    [Fact(Timeout = 60_000)]
    public async Task It_prints_JSON_access_log_lines_at_the_rate_across_the_services()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        await using var app = await SampleApp.StartAsync("log-generator", timeout.Token, ("LOG_RATE", "200"), ("LOG_SERVICES", "4"), ("SEED", "1"));
        await CommonChecks.AnswersProbesAsync(app.Client, timeout.Token);
        var before = await PrintedAsync(app, timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        var after = await PrintedAsync(app, timeout.Token);
        await app.StopAndAssertExitedAsync(timeout.Token);

        // 200 lines/s over about 2 s; the ticks are 100 ms and the machine is shared, hence the margin.
        Assert.InRange(after - before, 300, 520);
        var lines = app.Process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{')).ToList();
        Assert.True(lines.Count >= after, $"{lines.Count} lines printed, {after} counted");
        var services = new HashSet<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal(["timestamp", "level", "service", "endpoint", "method", "status", "duration_ms", "trace_id", "message"], root.EnumerateObject().Select(p => p.Name));
            Assert.Contains(root.GetProperty("level").GetString(), Levels);
            Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("trace_id").GetString());
            Assert.True(root.GetProperty("duration_ms").GetInt32() >= 0);
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
            services.Add(root.GetProperty("service").GetString()!);
        }
        Assert.Equal(["svc-000", "svc-001", "svc-002", "svc-003"], services.Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task The_sample_follows_the_level_weights_and_the_rate_and_services_change_while_running()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        await using var app = await SampleApp.StartAsync("log-generator", timeout.Token, ("SEED", "5"));
        try
        {
            var sample = await app.Client.GetStringAsync(new Uri("sample?count=10000", UriKind.Relative), timeout.Token);
            var levels = sample.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => { using var json = JsonDocument.Parse(l); return json.RootElement.GetProperty("level").GetString()!; })
                .GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count() / 10_000.0);
            Assert.InRange(levels["debug"], 0.38, 0.42);
            Assert.InRange(levels["info"], 0.38, 0.42);
            Assert.InRange(levels["warn"], 0.13, 0.17);
            Assert.InRange(levels["error"], 0.035, 0.065);

            var initial = await CommonChecks.GetJsonAsync(app.Client, "config", HttpStatusCode.OK, timeout.Token);
            Assert.Equal((10.0, 5), (initial.GetProperty("rate").GetDouble(), initial.GetProperty("services").GetInt32()));
            using (var changed = await app.Client.PostAsync(new Uri("config?rate=50&services=20", UriKind.Relative), null, timeout.Token))
            {
                var body = await CommonChecks.ReadJsonAsync(changed, HttpStatusCode.OK, timeout.Token);
                Assert.Equal((50.0, 20), (body.GetProperty("rate").GetDouble(), body.GetProperty("services").GetInt32()));
            }
            using (var refused = await app.Client.PostAsync(new Uri("config?rate=0", UriKind.Relative), null, timeout.Token))
            {
                var error = await CommonChecks.ReadJsonAsync(refused, HttpStatusCode.BadRequest, timeout.Token);
                Assert.Contains("lines per second", error.GetProperty("error").GetString(), StringComparison.Ordinal);
            }
            var services = (await app.Client.GetStringAsync(new Uri("sample?count=2000", UriKind.Relative), timeout.Token))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => { using var json = JsonDocument.Parse(l); return json.RootElement.GetProperty("service").GetString(); })
                .Distinct().Count();
            Assert.Equal(20, services);
        }
        finally
        {
            await app.StopAndAssertExitedAsync(timeout.Token);
        }
    }

    private static async Task<long> PrintedAsync(SampleApp app, CancellationToken cancellationToken) =>
        (await CommonChecks.GetJsonAsync(app.Client, "config", HttpStatusCode.OK, cancellationToken)).GetProperty("printed").GetInt64();
}
