using Assay.Core.History;
using Assay.Core.Statistics;
using static Assay.Core.Tests.History.HistoryRuns;

namespace Assay.Core.Tests.History;

public sealed class RunComparerTests
{
    [Fact]
    public void A_clearly_higher_throughput_in_run_b_is_better_with_its_interval()
    {
        var a = Run(1, ("throughput", [100, 101, 99, 100, 102]));
        var b = Run(2, ("throughput", [130, 131, 129, 132, 130]));

        var report = RunComparer.Compare(a, b);

        var change = Assert.Single(report.Changes);
        Assert.Equal("nginx", change.Variant);
        Assert.Equal(100, change.MedianA);
        Assert.Equal(130, change.MedianB);
        Assert.Equal(ComparisonVerdict.Better, change.Comparison.Verdict);
        Assert.True(change.Comparison.Judged);
        Assert.InRange(change.Comparison.Ratio!.Value, 1.25, 1.35);
        Assert.True(change.Comparison.CiLow > 1.05);
        Assert.Equal(["nginx"], report.Variants);
    }

    [Fact]
    public void Higher_latency_in_run_b_is_worse()
    {
        var a = Run(1, ("latency_p99_ms", [10, 10.1, 9.9, 10.2, 10]));
        var b = Run(2, ("latency_p99_ms", [15, 15.2, 14.9, 15.1, 15]));

        Assert.Equal(ComparisonVerdict.Worse, Assert.Single(RunComparer.Compare(a, b).Changes).Comparison.Verdict);
    }

    [Fact]
    public void Three_trials_a_side_are_too_few_and_the_note_says_how_many_are_needed()
    {
        var a = Run(1, ("throughput", [100, 101, 99]));
        var b = Run(2, ("throughput", [130, 131, 129]));

        var change = Assert.Single(RunComparer.Compare(a, b).Changes);

        Assert.False(change.Comparison.Judged);
        Assert.Equal(ComparisonVerdict.Inconclusive, change.Comparison.Verdict);
        Assert.Contains("needs at least 4 trials", change.Comparison.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Variants_only_one_run_has_are_listed_apart()
    {
        var a = Run(1, ("throughput", [100, 101, 99, 100]));
        var b = Run(2, ("throughput", [100, 101, 99, 100]));
        b = b with { Variants = [b.Variants[0] with { Name = "caddy" }] };

        var report = RunComparer.Compare(a, b);

        Assert.Empty(report.Changes);
        Assert.Equal(["nginx"], report.OnlyInA);
        Assert.Equal(["caddy"], report.OnlyInB);
        Assert.False(report.AnyJudged);
    }
}
