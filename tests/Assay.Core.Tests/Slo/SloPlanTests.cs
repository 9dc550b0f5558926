using Assay.Core.Slo;

namespace Assay.Core.Tests.Slo;

public sealed class SloPlanTests
{
    [Fact]
    public void A_complete_plan_of_either_kind_has_no_problems()
    {
        Assert.Empty(new SloPlan("availability", SloKind.Availability, 99.9).Problems());
        Assert.Empty(new SloPlan("latency", SloKind.Latency, 99, TimeSpan.FromMilliseconds(50), "index").Problems());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void An_objective_outside_0_to_100_exclusive_is_a_problem_with_its_fix(double objective)
    {
        var problem = Assert.Single(new SloPlan("a", SloKind.Availability, objective).Problems());

        Assert.Contains("e.g. 99.9", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latency_slo_needs_a_positive_threshold_and_an_availability_slo_none()
    {
        Assert.Contains("needs a threshold", Assert.Single(new SloPlan("l", SloKind.Latency, 99).Problems()), StringComparison.Ordinal);
        Assert.Contains("positive", Assert.Single(new SloPlan("l", SloKind.Latency, 99, TimeSpan.Zero).Problems()), StringComparison.Ordinal);
        Assert.Contains("only latency", Assert.Single(new SloPlan("a", SloKind.Availability, 99, TimeSpan.FromMilliseconds(5)).Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        Assert.Equal(3, new SloPlan(" ", SloKind.Latency, 100, TimeSpan.FromSeconds(-1)).Problems().Count);
    }

    [Fact]
    public void Objective_ratio_and_budget_are_exact() =>
        Assert.Equal((0.9995m, 0.0005m), (new SloPlan("a", SloKind.Availability, 99.95).ObjectiveRatio, new SloPlan("a", SloKind.Availability, 99.95).Budget));
}
