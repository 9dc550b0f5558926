using System.Text.Json;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

/// <summary>The generators' start-up settings: wrong values stop the start with a message; the seed repeats a run.</summary>
public sealed class GeneratorStartTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("cardinality-generator", "CARDINALITY_LEVEL", "huge", "low, medium, high")]
    [InlineData("log-generator", "LOG_RATE", "-5", "LOG_RATE is lines per second")]
    [InlineData("log-generator", "LOG_SERVICES", "many", "LOG_SERVICES a whole number")]
    public async Task A_wrong_setting_stops_the_start_saying_what_to_write(string app, string variable, string value, string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        await using var process = AppProcess.Start(RepoPaths.AppBinary(app), [],
            new Dictionary<string, string?> { ["PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), [variable] = value });

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(30), timeout.Token);

        Assert.True(exitCode is not null and not 0, $"{app} with {variable}={value} exited with {exitCode}. Output:\n{process.Output}");
        Assert.Contains(message, process.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task The_same_SEED_gives_the_same_readings_and_the_same_log_lines()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        var readings = new List<string>();
        var lines = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            await using (var generator = await SampleApp.StartAsync("cardinality-generator", timeout.Token, ("SEED", "77")))
            {
                var text = await generator.Client.GetStringAsync(new Uri("metrics", UriKind.Relative), timeout.Token);
                readings.Add(string.Join('\n', text.Split('\n').Where(l => l.StartsWith("sensor_reading{", StringComparison.Ordinal))));
                await generator.StopAndAssertExitedAsync(timeout.Token);
            }
            await using (var logs = await SampleApp.StartAsync("log-generator", timeout.Token, ("SEED", "77")))
            {
                var sample = await logs.Client.GetStringAsync(new Uri("sample?count=20", UriKind.Relative), timeout.Token);
                // Timestamps are the time of the request; everything else comes from the seed.
                lines.Add(string.Join('\n', sample.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(WithoutTimestamp)));
                await logs.StopAndAssertExitedAsync(timeout.Token);
            }
        }

        Assert.Equal(readings[0], readings[1]);
        Assert.Equal(1_000, readings[0].Split('\n').Length);
        Assert.Equal(lines[0], lines[1]);
        Assert.Equal(20, lines[0].Split('\n').Length);
    }

    private static string WithoutTimestamp(string line)
    {
        using var json = JsonDocument.Parse(line);
        return string.Join(',', json.RootElement.EnumerateObject().Where(p => p.Name != "timestamp").Select(p => p.Value.ToString()));
    }
}
