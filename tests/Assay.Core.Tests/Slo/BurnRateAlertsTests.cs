using Assay.Core.Slo;

namespace Assay.Core.Tests.Slo;

public sealed class BurnRateAlertsTests
{
    [Theory]
    // k = fraction of budget × period ÷ long window, period 30 d = 720 h.
    [InlineData(0, "Page", "0.02", 1, 5, "14.4")]    // 0.02 × 720 / 1
    [InlineData(1, "Page", "0.05", 6, 30, "6")]      // 0.05 × 720 / 6
    [InlineData(2, "Ticket", "0.10", 24, 120, "3")]  // 0.10 × 720 / 24
    [InlineData(3, "Ticket", "0.10", 72, 360, "1")]  // 0.10 × 720 / 72
    public void The_four_windows_have_the_workbook_factors(int index, string severity, string fraction, int longHours, int shortMinutes, string factor)
    {
        var window = BurnRateAlerts.Windows[index];

        Assert.Equal(Enum.Parse<AlertSeverity>(severity), window.Severity);
        Assert.Equal(Parse(fraction), window.BudgetFraction);
        Assert.Equal(TimeSpan.FromHours(longHours), window.LongWindow);
        Assert.Equal(TimeSpan.FromMinutes(shortMinutes), window.ShortWindow);
        Assert.Equal(TimeSpan.FromDays(30), window.Period);
        Assert.Equal(Parse(factor), window.Factor);
    }

    [Fact]
    public void Both_windows_must_exceed_k_times_the_budget()
    {
        // 99.9%: b = 0.001, so the fast page fires above 1.44% errors, the slow ticket above 0.1%.
        Assert.Equal(0.0144m, BurnRateAlerts.Windows[0].ErrorRatioThreshold(0.001m));
        Assert.Equal(0.006m, BurnRateAlerts.Windows[1].ErrorRatioThreshold(0.001m));
        Assert.Equal(0.003m, BurnRateAlerts.Windows[2].ErrorRatioThreshold(0.001m));
        Assert.Equal(0.001m, BurnRateAlerts.Windows[3].ErrorRatioThreshold(0.001m));
    }

    [Fact]
    public void Burning_at_k_over_the_long_window_spends_the_declared_share_of_the_budget()
    {
        foreach (var window in BurnRateAlerts.Windows)
        {
            // Budget spent = k × b × long window, over a period whose whole budget is b × period.
            var spent = window.Factor * (decimal)window.LongWindow.TotalHours / (decimal)window.Period.TotalHours;
            Assert.Equal(window.BudgetFraction, spent);
        }
        // At 14.4 a 30-day budget lasts 720 / 14.4 = 50 hours.
        Assert.Equal(50m, (decimal)BurnRateAlerts.Period.TotalHours / BurnRateAlerts.Windows[0].Factor);
    }

    [Fact]
    public void Recorded_windows_are_every_short_and_long_window_once_shortest_first()
    {
        TimeSpan[] expected =
        [
            TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
            TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(3),
        ];
        Assert.Equal(expected, BurnRateAlerts.RecordedWindows);
    }

    [Fact]
    public void Every_short_window_is_a_twelfth_of_its_long_one() =>
        Assert.All(BurnRateAlerts.Windows, w => Assert.Equal(w.LongWindow / 12, w.ShortWindow));

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
