namespace Assay.Core.Slo;

/// <summary>Who an alert wakes: a page needs someone now, a ticket can wait for working hours.</summary>
public enum AlertSeverity
{
    Page,
    Ticket,
}

/// <summary>
/// One multi-window burn-rate alert condition (Google SRE Workbook, "Alerting on SLOs"): it fires when the
/// error ratio exceeds <see cref="Factor"/> × budget over both the long and the short window. The long window
/// makes it significant (a share of the period's budget is really gone); the short one makes it stop soon after
/// the problem does.
/// </summary>
/// <param name="BudgetFraction">The share of the period's budget spent over the long window when the alert fires.</param>
public sealed record BurnRateWindow(
    AlertSeverity Severity,
    decimal BudgetFraction,
    TimeSpan LongWindow,
    TimeSpan ShortWindow,
    TimeSpan Period)
{
    /// <summary>The burn rate k = fraction of the budget × period ÷ long window: 0.02 × 720 h ÷ 1 h = 14.4.</summary>
    public decimal Factor => BudgetFraction * (decimal)Period.TotalHours / (decimal)LongWindow.TotalHours;

    /// <summary>The error ratio both windows must exceed: k × b.</summary>
    public decimal ErrorRatioThreshold(decimal budget) => Factor * budget;
}

/// <summary>The alerting policy Assay generates rules for: the SRE Workbook's four windows over a 30-day period.</summary>
public static class BurnRateAlerts
{
    /// <summary>The period the budget is spread over: a rolling 30 days.</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromDays(30);

    /// <summary>Page 14.4× over 1h and 5m, page 6× over 6h and 30m, ticket 3× over 1d and 2h, ticket 1× over 3d and 6h.</summary>
    public static IReadOnlyList<BurnRateWindow> Windows { get; } =
    [
        new(AlertSeverity.Page, 0.02m, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), Period),
        new(AlertSeverity.Page, 0.05m, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), Period),
        new(AlertSeverity.Ticket, 0.10m, TimeSpan.FromDays(1), TimeSpan.FromHours(2), Period),
        new(AlertSeverity.Ticket, 0.10m, TimeSpan.FromDays(3), TimeSpan.FromHours(6), Period),
    ];

    /// <summary>Every window the rules record an error ratio over, shortest first: 5m, 30m, 1h, 2h, 6h, 1d, 3d.</summary>
    public static IReadOnlyList<TimeSpan> RecordedWindows { get; } =
        [.. Windows.SelectMany(w => new[] { w.ShortWindow, w.LongWindow }).Distinct().Order()];
}
