using Assay.Core.Slo;

namespace Assay.Core.Tests.Slo;

public sealed class ErrorBudgetTests
{
    [Theory]
    [InlineData(99.9, "0.999", "0.001")]
    [InlineData(99, "0.99", "0.01")]
    [InlineData(99.95, "0.9995", "0.0005")]
    [InlineData(99.99, "0.9999", "0.0001")]
    [InlineData(95, "0.95", "0.05")]
    [InlineData(50, "0.5", "0.5")]
    public void Budget_is_one_minus_the_objective_exactly(double objective, string ratio, string budget)
    {
        Assert.Equal(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture), ErrorBudget.ObjectiveRatio(objective));
        Assert.Equal(decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture), ErrorBudget.Of(objective));
    }

    [Fact]
    public void Error_ratio_is_bad_events_over_all_events()
    {
        Assert.Equal(0.001m, ErrorBudget.ErrorRatio(999, 1000));
        Assert.Equal(0m, ErrorBudget.ErrorRatio(1000, 1000));
        Assert.Equal(1m, ErrorBudget.ErrorRatio(0, 7));
        Assert.Equal(0.25m, ErrorBudget.ErrorRatio(3, 4));
    }

    [Fact]
    public void Error_ratio_of_no_events_or_impossible_counts_is_a_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.ErrorRatio(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.ErrorRatio(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.ErrorRatio(-1, 10));
    }

    [Theory]
    // b = 0.001. Error ratio 0.0005 uses half the budget; 0.001 all of it; 0.003 three budgets (remaining −2).
    [InlineData("0.0005", "0.001", "0.5", "0.5")]
    [InlineData("0.001", "0.001", "1", "0")]
    [InlineData("0.003", "0.001", "3", "-2")]
    [InlineData("0", "0.001", "0", "1")]
    // b = 0.01 (99%): error ratio 0.0144 burns at 1.44.
    [InlineData("0.0144", "0.01", "1.44", "-0.44")]
    public void Consumed_is_error_ratio_over_budget_and_remaining_may_go_negative(string errorRatio, string budget, string consumed, string remaining)
    {
        var e = Parse(errorRatio);
        var b = Parse(budget);

        Assert.Equal(Parse(consumed), ErrorBudget.Consumed(e, b));
        Assert.Equal(Parse(remaining), ErrorBudget.Remaining(e, b));
    }

    [Theory]
    // BR(w) = error_ratio(w) / b: 1.44% errors against a 0.1% budget burns 14.4 times too fast.
    [InlineData("0.0144", "0.001", "14.4")]
    [InlineData("0.006", "0.001", "6")]
    [InlineData("0.0003", "0.0001", "3")]
    [InlineData("0.05", "0.05", "1")]
    public void Burn_rate_is_error_ratio_over_budget(string errorRatio, string budget, string burnRate) =>
        Assert.Equal(Parse(burnRate), ErrorBudget.BurnRate(Parse(errorRatio), Parse(budget)));

    [Fact]
    public void A_zero_budget_is_refused_rather_than_divided_by() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorBudget.BurnRate(0.01m, 0m));

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
