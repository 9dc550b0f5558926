using Assay.Core.Statistics;

namespace Assay.Core.History;

/// <summary>
/// When a KPI of a new run counts as a regression against the runs before it (docs/adrs/0009): its median lies
/// beyond the range of the last <see cref="Window"/> comparable runs' medians, widened by <see cref="Tolerance"/>,
/// on the worse side; and, where the trials allow the test, the Hodges–Lehmann interval of the new trials against
/// the earlier ones lies wholly on the worse side of 1.
/// </summary>
/// <param name="Window">How many of the most recent comparable runs make the range (default 5).</param>
/// <param name="MinimumHistory">Fewer comparable runs than this judge nothing (default 3).</param>
/// <param name="Tolerance">Relative widening of the range on both sides, e.g. 0.10: a regression is more than 10% worse than the worst recent median.</param>
/// <param name="Confidence">Two-sided confidence of the interval that confirms a move (default 0.95).</param>
public sealed record RegressionRule(int Window = 5, int MinimumHistory = 3, double Tolerance = 0.10, double Confidence = 0.95)
{
    /// <summary>The rule <c>assay run</c> and <c>assay history</c> use.</summary>
    public static RegressionRule Default { get; } = new();

    /// <summary>
    /// Absolute widening for KPIs whose recent values are often exactly 0, where a relative tolerance widens
    /// nothing: an error ratio going from 0 to 0.05% is noise, not a regression.
    /// </summary>
    public double AbsoluteToleranceFor(KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Name == KpiCatalog.ErrorRatio.Name ? ErrorRatioTolerance : 0;
    }

    /// <summary>Absolute widening of the error ratio's range (default 0.001, a tenth of a percentage point).</summary>
    public double ErrorRatioTolerance { get; init; } = 0.001;

    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumHistory, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, MinimumHistory);
        if (!(Tolerance >= 0 && double.IsFinite(Tolerance)))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance is a fraction ≥ 0, e.g. 0.10 for 10%.");
        if (!(ErrorRatioTolerance >= 0 && double.IsFinite(ErrorRatioTolerance)))
            throw new ArgumentOutOfRangeException(nameof(ErrorRatioTolerance), ErrorRatioTolerance, "The error ratio tolerance is a fraction ≥ 0.");
        MannWhitney.CheckConfidence(Confidence);
    }
}
