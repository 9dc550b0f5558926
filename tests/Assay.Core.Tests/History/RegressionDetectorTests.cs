using Assay.Core.History;
using Assay.Core.Results;
using static Assay.Core.Tests.History.HistoryRuns;

namespace Assay.Core.Tests.History;

public sealed class RegressionDetectorTests
{
    private static readonly double[] AroundHundred = [98, 100, 102, 101, 99];

    /// <summary>Five earlier runs, each with five trials around 100 (± 2), newest first.</summary>
    private static List<RunResult> StableThroughput() => Throughputs(5, n => [.. AroundHundred.Select(v => v + n % 2)]);

    [Fact]
    public void Without_history_nothing_is_judged_and_the_report_says_how_much_is_missing()
    {
        var report = RegressionDetector.Detect(Run(9, ("throughput", [10, 11, 12])), []);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(RegressionStatus.NotEnoughHistory, finding.Status);
        Assert.Equal("not enough history (0 of 3 runs)", finding.Note);
        Assert.False(report.HasRegression);
        Assert.True(report.NotEnoughHistory);
    }

    [Fact]
    public void Two_earlier_runs_are_not_enough_even_for_a_collapse()
    {
        var report = RegressionDetector.Detect(Run(9, ("throughput", [1, 1, 1, 1, 1])), Throughputs(2, _ => AroundHundred));

        Assert.Equal("not enough history (2 of 3 runs)", Assert.Single(report.Findings).Note);
        Assert.False(report.HasRegression);
    }

    [Fact]
    public void Throughput_down_beyond_the_widened_range_is_a_regression_the_trials_confirm()
    {
        var report = RegressionDetector.Detect(Run(9, ("throughput", [80, 81, 79, 80, 82])), StableThroughput());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(RegressionStatus.Regressed, finding.Status);
        Assert.True(report.HasRegression);
        Assert.Equal(80, finding.Median);
        Assert.Equal(100, finding.RangeLow);
        Assert.Equal(101, finding.RangeHigh);
        Assert.True(finding.CiHigh < 1);
        Assert.Equal(["run-05", "run-04", "run-03", "run-02", "run-01"], report.HistoryRuns);
        Assert.Contains("excludes 1", finding.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_up_is_an_improvement_never_a_regression()
    {
        var finding = Assert.Single(RegressionDetector.Detect(Run(9, ("throughput", [150, 151, 149])), StableThroughput()).Findings);

        Assert.Equal(RegressionStatus.Improved, finding.Status);
        Assert.False(finding.IsRegression);
    }

    [Fact]
    public void Latency_up_is_a_regression_and_latency_down_an_improvement()
    {
        var history = Enumerable.Range(1, 5).Reverse().Select(n => Run(n, ("latency_p99_ms", [10, 10.2, 9.8, 10.1]))).ToList();

        var slower = RegressionDetector.Detect(Run(9, ("latency_p99_ms", [14, 14.5, 13.8, 14.2])), history);
        var faster = RegressionDetector.Detect(Run(9, ("latency_p99_ms", [6, 6.1, 5.9, 6.2])), history);

        Assert.Equal(RegressionStatus.Regressed, Assert.Single(slower.Findings).Status);
        Assert.Equal(RegressionStatus.Improved, Assert.Single(faster.Findings).Status);
    }

    [Fact]
    public void A_move_within_the_tolerance_of_the_recent_range_is_steady()
    {
        // 100/1.1 ≈ 90.9: a median of 92 is lower than any recent one but within the 10% tolerance.
        var finding = Assert.Single(RegressionDetector.Detect(Run(9, ("throughput", [92, 92, 92])), StableThroughput()).Findings);

        Assert.Equal(RegressionStatus.Steady, finding.Status);
    }

    [Fact]
    public void Constant_history_is_a_band_of_the_tolerance_around_the_constant()
    {
        var history = Throughputs(4, _ => [100, 100, 100]);

        Assert.Equal(RegressionStatus.Steady, Assert.Single(RegressionDetector.Detect(Run(9, ("throughput", [100, 100, 100])), history).Findings).Status);
        Assert.Equal(RegressionStatus.Steady, Assert.Single(RegressionDetector.Detect(Run(9, ("throughput", [95, 95, 95])), history).Findings).Status);
        Assert.Equal(RegressionStatus.Regressed, Assert.Single(RegressionDetector.Detect(Run(9, ("throughput", [80, 80, 80])), history).Findings).Status);
    }

    [Fact]
    public void An_error_ratio_of_zero_so_far_tolerates_noise_but_not_real_errors()
    {
        var history = Enumerable.Range(1, 4).Reverse().Select(n => Run(n, ("error_ratio", [0, 0, 0]))).ToList();

        var noise = RegressionDetector.Detect(Run(9, ("error_ratio", [0, 0.0005, 0])), history);
        var errors = RegressionDetector.Detect(Run(9, ("error_ratio", [0.02, 0.03, 0.025])), history);

        Assert.Equal(RegressionStatus.Steady, Assert.Single(noise.Findings).Status);
        var finding = Assert.Single(errors.Findings);
        Assert.Equal(RegressionStatus.Regressed, finding.Status);
        Assert.Contains("range decides alone", finding.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_median_beyond_the_range_whose_trials_overlap_the_earlier_ones_is_not_flagged()
    {
        // The earlier runs are tight, the new one noisy: its median is low, but half its trials are where they always were.
        var finding = Assert.Single(RegressionDetector.Detect(Run(9, ("throughput", [40, 60, 88, 101, 103])), StableThroughput()).Findings);

        Assert.Equal(RegressionStatus.Unconfirmed, finding.Status);
        Assert.False(finding.IsRegression);
        Assert.Contains("includes 1", finding.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_comparable_completed_runs_make_history_and_the_window_takes_the_newest()
    {
        var history = StableThroughput();
        history.Insert(0, Run(8, ("throughput", [10, 10, 10])) with { Status = RunStatus.Error });
        history.Insert(0, Run(7, ("throughput", [10, 10, 10])) with { Parameters = new Dictionary<string, string> { ["rate"] = "900" } });
        history.Insert(0, Run(6, ("throughput", [10, 10, 10])) with { Experiment = "other" });
        history.Add(Run(0, ("throughput", [10, 10, 10])));

        var report = RegressionDetector.Detect(Run(9, ("throughput", [100, 100, 100])), history);

        Assert.Equal(RegressionStatus.Steady, Assert.Single(report.Findings).Status);
        Assert.Equal(["run-05", "run-04", "run-03", "run-02", "run-01", "run-00"], report.HistoryRuns);
        Assert.Equal(5, report.Findings[0].HistoryMedians.Count);
    }

    [Fact]
    public void The_same_run_in_its_own_history_is_skipped()
    {
        var current = Run(9, ("throughput", [100, 100, 100]));

        var report = RegressionDetector.Detect(current, [current, .. StableThroughput()]);

        Assert.DoesNotContain("run-09", report.HistoryRuns);
    }

    [Fact]
    public void Each_run_of_a_history_is_judged_against_the_older_runs_only()
    {
        var newestFirst = StableThroughput();
        newestFirst.Insert(0, Run(9, ("throughput", [80, 81, 79, 80, 82])));

        var reports = RegressionDetector.DetectEach(newestFirst);

        Assert.Equal(["run-09", "run-05", "run-04", "run-03", "run-02", "run-01"], reports.Select(r => r.RunId));
        Assert.True(reports[0].HasRegression);
        Assert.Equal(["run-04", "run-03", "run-02", "run-01"], reports[1].HistoryRuns);
        Assert.All(reports.Skip(1), r => Assert.False(r.HasRegression));
        Assert.True(reports[^1].NotEnoughHistory);
        Assert.True(reports[^3].NotEnoughHistory);
        Assert.False(reports[^4].NotEnoughHistory);
    }

    [Fact]
    public void A_run_that_errored_is_not_judged()
    {
        var report = RegressionDetector.Detect(Run(9, ("throughput", [1, 1, 1])) with { Status = RunStatus.Error }, StableThroughput());

        Assert.Empty(report.Findings);
        Assert.False(report.HasRegression);
    }

    [Fact]
    public void Detection_is_deterministic()
    {
        var current = Run(9, ("throughput", [80, 81, 79, 80, 82]));

        Assert.Equal(
            RegressionDetector.Detect(current, StableThroughput()).Findings.Select(f => f.Note),
            RegressionDetector.Detect(current, StableThroughput()).Findings.Select(f => f.Note));
    }
}
