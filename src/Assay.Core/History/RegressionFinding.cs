using Assay.Core.Statistics;

namespace Assay.Core.History;

/// <summary>How one KPI of one variant of a new run stands against its recent history.</summary>
public enum RegressionStatus
{
    /// <summary>Beyond the widened range on the worse side, and the trials (where they can) confirm the move.</summary>
    Regressed,

    /// <summary>Beyond the widened range on the worse side, but the new trials overlap the earlier ones: not flagged.</summary>
    Unconfirmed,

    /// <summary>Within the widened range of recent medians.</summary>
    Steady,

    /// <summary>Beyond the widened range on the better side (never a regression).</summary>
    Improved,

    /// <summary>Fewer comparable runs than the rule's minimum: nothing is judged.</summary>
    NotEnoughHistory,
}

/// <summary>One KPI of one variant of a new run against the comparable runs before it.</summary>
/// <param name="Median">The new run's median across its trials.</param>
/// <param name="HistoryMedians">The medians of the comparable runs the range was made of, newest first.</param>
/// <param name="RangeLow">The lowest of <paramref name="HistoryMedians"/>; null when there is no history.</param>
/// <param name="RangeHigh">The highest of <paramref name="HistoryMedians"/>; null when there is no history.</param>
/// <param name="BandLow">The range's low end, widened by the tolerance; below it is a move.</param>
/// <param name="BandHigh">The range's high end, widened by the tolerance; above it is a move.</param>
/// <param name="Ratio">Hodges–Lehmann ratio new trials ÷ earlier trials, when the confirming test could be made.</param>
/// <param name="CiLow">Low end of that ratio's interval.</param>
/// <param name="CiHigh">High end of that ratio's interval.</param>
/// <param name="Note">Why the status is what it is, in one sentence for people.</param>
public sealed record RegressionFinding(
    string Variant,
    KpiDefinition Kpi,
    RegressionStatus Status,
    double Median,
    IReadOnlyList<double> HistoryMedians,
    double? RangeLow,
    double? RangeHigh,
    double? BandLow,
    double? BandHigh,
    double? Ratio,
    double? CiLow,
    double? CiHigh,
    string Note)
{
    /// <summary>True for a flagged regression only.</summary>
    public bool IsRegression => Status == RegressionStatus.Regressed;
}
