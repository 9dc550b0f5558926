using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Core.Results;
using Assay.Storage;
using Spectre.Console.Testing;

namespace Assay.Cli.Tests;

public sealed class HistoryTests
{
    [Fact(Timeout = 60_000)]
    public async Task History_shows_each_variants_runs_oldest_first_with_sparklines_and_the_regression_marked()
    {
        using var lab = await HistoryStore.CreateAsync();

        var (code, output, _) = await lab.RunAsync("history", "http-baseline");

        Assert.Equal(0, code);
        Golden.Match("history.txt", output);
        Assert.Contains("r5", output, StringComparison.Ordinal);
        Assert.Contains("▼", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("r1", StringComparison.Ordinal) < output.IndexOf("r5", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task History_of_one_kpi_and_fewer_runs()
    {
        using var lab = await HistoryStore.CreateAsync();

        var (code, output, _) = await lab.RunAsync("history", "http-baseline", "--kpi", "latency_p99_ms", "--limit", "2");

        Assert.Equal(0, code);
        Assert.DoesNotContain("throughput", output, StringComparison.Ordinal);
        Assert.DoesNotContain("r3", output, StringComparison.Ordinal);
        Assert.Contains("r4", output, StringComparison.Ordinal);
        // r5 is judged against r1 … r4 although they are not shown.
        Assert.Contains("▼", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task History_of_an_experiment_without_runs_lists_those_with_runs()
    {
        using var lab = await HistoryStore.CreateAsync();

        var (code, output, _) = await lab.RunAsync("history", "http-baseline2");

        Assert.Equal(2, code);
        Assert.Contains("no completed run of 'http-baseline2'", output, StringComparison.Ordinal);
        Assert.Contains("experiments with runs: http-baseline", output, StringComparison.Ordinal);
        Assert.Contains("did you mean http-baseline?", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_kpi_is_refused_with_a_suggestion()
    {
        var (code, output, _) = await CliHarness.RunAsync("history", "http-baseline", "--kpi", "throughputt");

        Assert.Equal(2, code);
        Assert.Contains("did you mean 'throughput'?", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_end_of_run_summary_flags_the_regression_against_the_earlier_runs_only()
    {
        using var lab = await HistoryStore.CreateAsync();
        await using var store = await SqliteRunStore.OpenAsync(Path.Combine(lab.StateDirectory, "assay.db"), CancellationToken.None);

        var latest = await RunHistory.RegressionsAsync(store, HistoryStore.Builder(5).Build(), CancellationToken.None);
        var first = await RunHistory.RegressionsAsync(store, HistoryStore.Builder(1).Build(), CancellationToken.None);

        Assert.True(latest.HasRegression);
        Assert.Equal(["r4", "r3", "r2", "r1"], latest.HistoryRuns);
        Assert.Contains(latest.Regressions, f => f.Kpi.Name == "latency_p99_ms" && f.Variant == "nginx");
        Assert.DoesNotContain(latest.Regressions, f => f.Kpi.Name == "throughput");
        Assert.True(first.NotEnoughHistory);

        var console = new TestConsole().Width(100);
        RegressionRenderer.Render(console, latest);
        Assert.Contains("▼ REGRESSED", console.Output, StringComparison.Ordinal);
        var quiet = new TestConsole().Width(100);
        RegressionRenderer.Render(quiet, first);
        Assert.Contains("not enough history (0 of 3 runs)", quiet.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RunStatus.Passed, true, true, 1)]
    [InlineData(RunStatus.Passed, false, true, 0)]
    [InlineData(RunStatus.Passed, true, false, 0)]
    [InlineData(RunStatus.Failed, true, true, 1)]
    [InlineData(RunStatus.Error, true, true, 3)]
    [InlineData(RunStatus.Cancelled, true, true, 130)]
    public void Fail_on_regression_turns_a_passed_run_into_exit_1_and_leaves_other_codes_alone(RunStatus status, bool failOnRegression, bool regressed, int expected)
    {
        Assert.Equal(expected, ExitCodes.For(status, failOnRegression, regressed));
    }

    [Fact]
    public void Sparklines_span_the_blocks_from_lowest_to_highest()
    {
        Assert.Equal("▁▅█", Sparkline.Of([1, 2, 3]));
        Assert.Equal("▁▂▃▄▅▆▇█", Sparkline.Of([0, 1, 2, 3, 4, 5, 6, 7]));
        Assert.Equal("▄▄▄", Sparkline.Of([5, 5, 5]));
        Assert.Equal("", Sparkline.Of([]));
    }
}
