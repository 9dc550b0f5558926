namespace Assay.Core.Statistics;

/// <summary>
/// A Hodges–Lehmann estimate of how far a candidate sample lies from a baseline sample, with its
/// distribution-free interval.
/// </summary>
/// <param name="Estimate">The shift (candidate − baseline) or the ratio (candidate ÷ baseline).</param>
/// <param name="Low">The k-th smallest pairwise shift or ratio.</param>
/// <param name="High">The k-th largest pairwise shift or ratio.</param>
/// <param name="Confidence">The confidence [Low, High] achieves: the exact distribution is discrete, so it is at least the requested one when that is reachable, and the best reachable one when it is not.</param>
/// <param name="Exact">False beyond <see cref="MannWhitneyDistribution.MaxExactSize"/>, where k comes from the normal approximation.</param>
public sealed record HodgesLehmannEstimate(
    double Estimate,
    double Low,
    double High,
    double Confidence,
    double RequestedConfidence,
    int BaselineCount,
    int CandidateCount,
    bool Exact)
{
    /// <summary>False when these sample sizes cannot reach the requested confidence (the interval is then the whole range of pairwise values).</summary>
    public bool ReachesRequested => Confidence >= RequestedConfidence - 1e-9;
}

/// <summary>
/// Hodges–Lehmann estimates of shift and ratio with the interval of Bauer (1972) / Hollander &amp; Wolfe:
/// the k-th smallest and k-th largest of the m·n pairwise differences, k from the exact Mann–Whitney
/// distribution (<see cref="MannWhitney.RankFor"/>). The same interval as R's
/// <c>wilcox.test(candidate, baseline, conf.int = TRUE, exact = TRUE)</c>.
/// </summary>
public static class HodgesLehmann
{
    /// <summary>
    /// The shift of the candidate from the baseline: the median of all differences yⱼ − xᵢ, with its interval.
    /// Ties in the data do not change k: the interval's coverage rests on continuous underlying
    /// distributions, and ties among trial values only come from rounding.
    /// </summary>
    public static HodgesLehmannEstimate Shift(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, double confidence)
    {
        Check(baseline, nameof(baseline), positive: false);
        Check(candidate, nameof(candidate), positive: false);
        var differences = new double[baseline.Count * candidate.Count];
        var i = 0;
        foreach (var y in candidate)
            foreach (var x in baseline)
                differences[i++] = y - x;
        Array.Sort(differences);
        var rank = MannWhitney.RankFor(baseline.Count, candidate.Count, confidence);
        return new HodgesLehmannEstimate(
            MedianOfSorted(differences, (a, b) => (a + b) / 2),
            differences[rank.K - 1],
            differences[^rank.K],
            rank.AchievedConfidence,
            confidence,
            baseline.Count,
            candidate.Count,
            rank.Exact);
    }

    /// <summary>
    /// The ratio candidate ÷ baseline: a shift on the log scale, so the estimate is the median of all pairwise
    /// ratios yⱼ / xᵢ (the geometric mean of the two middle ones when m·n is even, so that swapping the samples
    /// exactly inverts it) and the bounds are the k-th smallest and k-th largest pairwise ratios. All values
    /// must be positive.
    /// </summary>
    public static HodgesLehmannEstimate Ratio(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, double confidence)
    {
        Check(baseline, nameof(baseline), positive: true);
        Check(candidate, nameof(candidate), positive: true);
        // Ordered by log-ratio (the shift scale) but reported as the plain ratio of the pair, so bounds are
        // exactly pairwise ratios rather than exp(log(y) − log(x)).
        var pairs = new (double Log, double Ratio)[baseline.Count * candidate.Count];
        var i = 0;
        foreach (var y in candidate)
            foreach (var x in baseline)
                pairs[i++] = (Math.Log(y) - Math.Log(x), y / x);
        Array.Sort(pairs, (a, b) => a.Log.CompareTo(b.Log));
        var ratios = pairs.Select(p => p.Ratio).ToArray();
        var rank = MannWhitney.RankFor(baseline.Count, candidate.Count, confidence);
        return new HodgesLehmannEstimate(
            MedianOfSorted(ratios, (a, b) => Math.Sqrt(a) * Math.Sqrt(b)),
            ratios[rank.K - 1],
            ratios[^rank.K],
            rank.AchievedConfidence,
            confidence,
            baseline.Count,
            candidate.Count,
            rank.Exact);
    }

    private static double MedianOfSorted(double[] sorted, Func<double, double, double> middle)
    {
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : middle(sorted[mid - 1], sorted[mid]);
    }

    private static void Check(IReadOnlyList<double> values, string name, bool positive)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0) throw new ArgumentException("A sample needs at least one value.", name);
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException("Sample values must be finite numbers.", name);
        if (positive && values.Any(v => v <= 0))
            throw new ArgumentException("A ratio needs positive values; check for zero before asking for one.", name);
    }
}
