using Assay.Core.Statistics;
using Assay.Reporting.Text;

namespace Assay.Reporting.Tests.Text;

public sealed class IntervalTextTests
{
    private static Comparison With(double? low, double? high, double? confidence) => new(
        "a", "b", "throughput", 1, 1, 1.133, low, high, confidence, 0.95, null, null, 0.05, null, null, null, ComparisonVerdict.Inconclusive, "");

    [Fact]
    public void An_interval_is_shown_with_the_confidence_it_reaches()
    {
        Assert.Equal("[0.995, 1.005] at 95.9%", IntervalText.Of(With(0.995, 1.005, 0.959)));
    }

    [Fact]
    public void One_trial_against_one_has_no_interval_and_shows_a_dash_not_the_ratio_twice()
    {
        Assert.Equal("–", IntervalText.Of(With(1.133, 1.133, 0)));
        Assert.Equal("–", IntervalText.Of(With(null, null, null)));
    }

    [Fact]
    public void A_bracket_needs_both_ends()
    {
        Assert.Equal("[0.9, 1.1]", IntervalText.Bracket(0.9, 1.1));
        Assert.Equal("", IntervalText.Bracket(0.9, null));
    }
}
