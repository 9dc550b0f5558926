namespace Assay.Core.Statistics;

/// <summary>The median, the summary of trials that one outlier cannot drag.</summary>
public static class Median
{
    /// <summary>The median of the values; 0 for none.</summary>
    public static double Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
