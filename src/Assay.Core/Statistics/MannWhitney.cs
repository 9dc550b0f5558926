namespace Assay.Core.Statistics;

/// <summary>How a Mann–Whitney p-value was obtained.</summary>
public enum MannWhitneyMethod
{
    /// <summary>The exact null distribution of U (no ties), as R's <c>wilcox.test(exact = TRUE)</c>.</summary>
    Exact,

    /// <summary>
    /// The exact permutation distribution of the mid-rank sum given the ties observed (a conditional exact
    /// test); R would fall back to the normal approximation here.
    /// </summary>
    ExactWithTies,

    /// <summary>Normal approximation with tie and continuity corrections, for pooled sizes beyond <see cref="MannWhitneyDistribution.MaxExactSize"/>.</summary>
    NormalApproximation,
}

/// <summary>The Mann–Whitney (Wilcoxon rank-sum) test of a candidate sample against a baseline sample.</summary>
/// <param name="U">Pairs (baseline xᵢ, candidate yⱼ) with yⱼ &gt; xᵢ, ties counting ½: 0 when every candidate value lies below every baseline value, m·n when above.</param>
/// <param name="PValue">Two-sided: twice the smaller tail at the observed statistic, at most 1.</param>
public sealed record MannWhitneyResult(int BaselineCount, int CandidateCount, double U, double PValue, MannWhitneyMethod Method);

/// <summary>
/// The Mann–Whitney (Wilcoxon rank-sum) test for small samples of trial values, and what its exact
/// distribution allows: the smallest two-sided misrate of given sizes and the rank that bounds a
/// Hodges–Lehmann interval.
/// </summary>
public static class MannWhitney
{
    /// <summary>
    /// Two-sided test of "baseline and candidate come from the same distribution". Exact for pooled sizes up
    /// to <see cref="MannWhitneyDistribution.MaxExactSize"/>: with no ties it equals R's
    /// <c>wilcox.test(candidate, baseline, exact = TRUE)</c>; with ties it uses the exact permutation
    /// distribution of the mid-rank sum given those ties, which for no ties is the same distribution.
    /// </summary>
    public static MannWhitneyResult Test(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        Check(baseline, nameof(baseline));
        Check(candidate, nameof(candidate));
        int m = baseline.Count, n = candidate.Count;
        // Doubled mid-ranks are integers, so sums compare exactly.
        var doubledRanks = DoubledMidRanks([.. baseline, .. candidate], out var tieGroups);
        long candidateSum = doubledRanks.Skip(m).Sum(r => (long)r);
        var u = candidateSum / 2.0 - n * (n + 1) / 2.0;
        var hasTies = tieGroups.Count > 0;

        if (m + n > MannWhitneyDistribution.MaxExactSize)
            return new(m, n, u, NormalPValue(m, n, u, tieGroups), MannWhitneyMethod.NormalApproximation);

        var distribution = RankSumDistribution.Of(doubledRanks, n);
        var p = Math.Min(1, 2 * Math.Min(distribution.AtMost(candidateSum), distribution.AtLeast(candidateSum)));
        return new(m, n, u, p, hasTies ? MannWhitneyMethod.ExactWithTies : MannWhitneyMethod.Exact);
    }

    /// <summary>
    /// The smallest two-sided misrate any rank test (and so any interval from <see cref="HodgesLehmann"/>) can
    /// reach with m and n trials: 2 / C(m+n, m). n = m = 3 gives 0.10, 4 gives 0.029, 5 gives 0.0079.
    /// </summary>
    public static double SmallestMisrate(int m, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        // C(m+n, m) as a running product of ratios stays exact enough and never overflows for trial counts.
        var choose = 1.0;
        for (var i = 1; i <= Math.Min(m, n); i++) choose = choose * (Math.Max(m, n) + i) / i;
        return Math.Min(1, 2 / choose);
    }

    /// <summary>The fewest trials per arm (equal arms) whose exact interval can reach the confidence: 95% → 4, 99% → 5.</summary>
    public static int MinimumTrialsPerArm(double confidence)
    {
        CheckConfidence(confidence);
        var n = 1;
        while (SmallestMisrate(n, n) > (1 - confidence) * (1 + 1e-9)) n++;
        return n;
    }

    /// <summary>
    /// Which order statistics of the m·n pairwise differences bound a two-sided interval at the confidence:
    /// the k-th smallest and the k-th largest, with k chosen as R's <c>wilcox.test</c> does
    /// (k = <c>qwilcox(α/2, m, n)</c>, at least 1), and the confidence that k actually achieves,
    /// 1 − 2·P(U ≤ k − 1). When even k = 1 (the whole range) misses the requested confidence,
    /// <see cref="IntervalRank.ReachesRequested"/> is false.
    /// </summary>
    public static IntervalRank RankFor(int m, int n, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        CheckConfidence(confidence);
        var halfAlpha = (1 - confidence) / 2;
        if (m + n <= MannWhitneyDistribution.MaxExactSize)
        {
            var distribution = MannWhitneyDistribution.For(m, n);
            var k = Math.Max(1, distribution.Quantile(halfAlpha));
            return new IntervalRank(k, 1 - 2 * distribution.AtMost(k - 1), confidence, Exact: true);
        }

        // Beyond exact counting: P(U ≤ u) ≈ Φ((u + ½ − mn/2) / σ).
        var mean = m * (double)n / 2;
        var sigma = Math.Sqrt(m * (double)n * (m + n + 1) / 12);
        var approximateK = Math.Max(1, (int)Math.Ceiling(mean - 0.5 + NormalDistribution.Quantile(halfAlpha) * sigma));
        var achieved = 1 - 2 * NormalDistribution.Cdf((approximateK - 1 + 0.5 - mean) / sigma);
        return new IntervalRank(approximateK, achieved, confidence, Exact: false);
    }

    internal static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence is a fraction strictly between 0 and 1, e.g. 0.95.");
    }

    private static void Check(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0) throw new ArgumentException("A sample needs at least one value.", name);
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException("Sample values must be finite numbers.", name);
    }

    /// <summary>Twice the mid-rank of each value in pooled order (tied values share the mean of their ranks), and the sizes of the tie groups.</summary>
    private static int[] DoubledMidRanks(IReadOnlyList<double> pooled, out List<int> tieGroups)
    {
        var order = Enumerable.Range(0, pooled.Count).OrderBy(i => pooled[i]).ToArray();
        var ranks = new int[pooled.Count];
        tieGroups = [];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && pooled[order[end + 1]] == pooled[order[start]]) end++;
            // Ranks start+1 … end+1 shared: mid-rank (start + end + 2) / 2, doubled.
            for (var i = start; i <= end; i++) ranks[order[i]] = start + end + 2;
            if (end > start) tieGroups.Add(end - start + 1);
            start = end + 1;
        }
        return ranks;
    }

    private static double NormalPValue(int m, int n, double u, IReadOnlyList<int> tieGroups)
    {
        // As R's wilcox.test(exact = FALSE, correct = TRUE).
        double size = m + n;
        var tieTerm = tieGroups.Sum(t => (double)t * t * t - t) / (size * (size - 1));
        var sigma = Math.Sqrt(m * (double)n / 12 * (size + 1 - tieTerm));
        if (sigma == 0) return 1;
        var z = u - m * (double)n / 2;
        z = (z - Math.Sign(z) * 0.5) / sigma;
        return Math.Min(1, 2 * Math.Min(NormalDistribution.Cdf(z), NormalDistribution.Cdf(-z)));
    }
}

/// <summary>
/// The rank k bounding a two-sided distribution-free interval (k-th smallest to k-th largest pairwise
/// difference), the confidence it achieves and the one requested.
/// </summary>
public readonly record struct IntervalRank(int K, double AchievedConfidence, double RequestedConfidence, bool Exact)
{
    /// <summary>Whether the achieved confidence is at least the requested one (forgiving rounding of 1e-9).</summary>
    public bool ReachesRequested => AchievedConfidence >= RequestedConfidence - 1e-9;
}
