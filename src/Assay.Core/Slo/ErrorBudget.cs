namespace Assay.Core.Slo;

/// <summary>
/// The error-budget arithmetic of the Google SRE Workbook (REFERENCE.md §4): budget b = 1 − objective,
/// budget consumed = error ratio ÷ b, remaining = 1 − consumed, burn rate = error ratio ÷ b. In decimal, so
/// that a run exactly at its objective has exactly nothing left and passes: in double, 99.9 / 100 is
/// 0.9990000000000001 and 999 good events of 1000 would miss it.
/// </summary>
public static class ErrorBudget
{
    /// <summary>An objective in percent as a fraction: 99.9 → 0.999.</summary>
    public static decimal ObjectiveRatio(double objectivePercent) => ToDecimal(objectivePercent) / 100m;

    /// <summary>The budget b = 1 − objective, as a fraction of events: 99.9 → 0.001.</summary>
    public static decimal Of(double objectivePercent) => (100m - ToDecimal(objectivePercent)) / 100m;

    /// <summary>The share of events that were bad: 1 − SLI.</summary>
    public static decimal ErrorRatio(long good, long total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(total, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(good);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(good, total);
        return (decimal)(total - good) / total;
    }

    /// <summary>How much of the budget the errors used: 1 is all of it, above 1 more than all of it.</summary>
    public static decimal Consumed(decimal errorRatio, decimal budget) => errorRatio / Positive(budget);

    /// <summary>1 − consumed: what is left, negative when the errors overspent the budget (−0.5 = overspent by half).</summary>
    public static decimal Remaining(decimal errorRatio, decimal budget) => 1 - Consumed(errorRatio, budget);

    /// <summary>
    /// BR = error ratio ÷ b: how many times faster than sustainable the budget burns. At 1 it lasts exactly the
    /// period; at 14.4 a 30-day budget is gone in 50 hours. Over a single window (one run) it equals the
    /// budget consumed over that window; the two names answer different questions about the same number.
    /// </summary>
    public static decimal BurnRate(decimal errorRatio, decimal budget) => errorRatio / Positive(budget);

    private static decimal Positive(decimal budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, 0m);
        return budget;
    }

    // The conversion keeps 15 significant digits, so 99.9 becomes exactly 99.9m.
    private static decimal ToDecimal(double value) => (decimal)value;
}
