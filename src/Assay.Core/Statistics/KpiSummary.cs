namespace Assay.Core.Statistics;

/// <summary>
/// One KPI of one variant across its trials (the trial is the unit of analysis: one value per trial).
/// </summary>
/// <param name="Cv">Coefficient of variation: sample standard deviation ÷ mean; 0 for a single trial or when all values are equal.</param>
/// <param name="Trials">The trial values in trial order.</param>
/// <param name="HighVariation">The CV is above the threshold: the trials disagree enough that a comparison may be inconclusive or the machine was noisy.</param>
public sealed record KpiSummary(double Median, double Min, double Max, double Cv, IReadOnlyList<double> Trials, bool HighVariation)
{
    /// <summary>The default CV above which trials are flagged as varying a lot (10%).</summary>
    public const double DefaultCvThreshold = 0.10;

    /// <summary>
    /// Summarises the values of one KPI, one per trial in trial order. KPI values are never negative
    /// (throughputs, latencies, ratios, costs), which keeps the CV defined: a mean of 0 means all values are 0.
    /// </summary>
    public static KpiSummary Of(IReadOnlyList<double> trials, double cvThreshold = DefaultCvThreshold)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0)
            throw new ArgumentException("A KPI summary needs at least one trial value; leave the KPI out when no trial measured it.", nameof(trials));
        if (trials.Any(v => !double.IsFinite(v) || v < 0))
            throw new ArgumentException("KPI values are finite and never negative.", nameof(trials));
        ArgumentOutOfRangeException.ThrowIfNegative(cvThreshold);
        var cv = CoefficientOfVariation(trials);
        return new KpiSummary(Statistics.Median.Of(trials), trials.Min(), trials.Max(), cv, [.. trials], cv > cvThreshold);
    }

    private static double CoefficientOfVariation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        if (mean == 0) return 0;
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return Math.Sqrt(variance) / mean;
    }
}
