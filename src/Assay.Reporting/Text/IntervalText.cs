using Assay.Core.Statistics;

namespace Assay.Reporting.Text;

/// <summary>
/// A comparison's or a criterion's confidence interval as text, the same in the console, the reports and the ADR.
/// An interval at confidence 0 (one trial against one: the "interval" is the ratio itself) is no interval and shows as a dash.
/// </summary>
public static class IntervalText
{
    /// <summary><c>[low, high] at 95.0%</c>, or a dash when the comparison has no real interval.</summary>
    public static string Of(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison is { CiLow: { } low, CiHigh: { } high, Confidence: > 0 and var confidence }
            ? $"{Bracket(low, high)} at {Formats.Percent(confidence)}"
            : "–";
    }

    /// <summary><c>[low, high]</c>, or the empty string when either end is missing.</summary>
    public static string Bracket(double? low, double? high) =>
        low is { } l && high is { } h ? $"[{Formats.Number(l)}, {Formats.Number(h)}]" : "";
}
