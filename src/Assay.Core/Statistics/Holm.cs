namespace Assay.Core.Statistics;

/// <summary>
/// Holm's (1979) step-down correction for testing several hypotheses at once: it controls the chance of
/// wrongly rejecting any of them (the family-wise error rate) without Bonferroni's full penalty.
/// </summary>
public static class Holm
{
    /// <summary>
    /// Adjusted p-values, in the order given: sort ascending, multiply the i-th smallest (from 0) by K − i,
    /// carry the running maximum so that adjusted values keep the order of the raw ones, and cap at 1.
    /// Rejecting where the adjusted value is ≤ α is Holm's procedure at level α. Same as R's
    /// <c>p.adjust(p, "holm")</c>.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (pValues.Any(p => !(p >= 0 && p <= 1)))
            throw new ArgumentException("p-values lie between 0 and 1.", nameof(pValues));
        var count = pValues.Count;
        var order = Enumerable.Range(0, count).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[count];
        var running = 0.0;
        for (var step = 0; step < count; step++)
        {
            var index = order[step];
            running = Math.Max(running, Math.Min(1, (count - step) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
