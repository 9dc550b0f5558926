namespace Assay.Core.Statistics;

/// <summary>
/// The exact null distribution of the Mann–Whitney statistic U for samples of sizes <see cref="M"/> and
/// <see cref="N"/> with no ties: every one of the C(m+n, m) orderings of the pooled sample equally likely.
/// U counts the pairs in which the second sample's value exceeds the first's, so it runs from 0 to m·n.
/// </summary>
/// <remarks>The distribution is symmetric about m·n/2 and the same for (m, n) and (n, m).</remarks>
public sealed class MannWhitneyDistribution
{
    /// <summary>The largest pooled size (m + n) counted exactly; beyond it the normal approximation is used.</summary>
    public const int MaxExactSize = 100;

    private readonly RankSumDistribution _sums;
    private readonly long _offset;

    private MannWhitneyDistribution(int m, int n, RankSumDistribution sums, long offset)
    {
        M = m;
        N = n;
        _sums = sums;
        _offset = offset;
    }

    public int M { get; }

    public int N { get; }

    public int MaxU => M * N;

    /// <summary>Counts the distribution for sizes m and n (each at least 1, m + n at most <see cref="MaxExactSize"/>).</summary>
    public static MannWhitneyDistribution For(int m, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m + n, MaxExactSize);
        // U of the second sample = its rank sum minus n(n+1)/2.
        var ranks = Enumerable.Range(1, m + n).ToArray();
        return new MannWhitneyDistribution(m, n, RankSumDistribution.Of(ranks, n), (long)n * (n + 1) / 2);
    }

    /// <summary>P(U = u).</summary>
    public double Probability(int u) => _sums.Exactly(u + _offset);

    /// <summary>P(U ≤ u), R's <c>pwilcox(u, m, n)</c>.</summary>
    public double AtMost(int u) => _sums.AtMost(u + _offset);

    /// <summary>P(U ≥ u), R's <c>pwilcox(u - 1, m, n, lower.tail = FALSE)</c>.</summary>
    public double AtLeast(int u) => _sums.AtLeast(u + _offset);

    /// <summary>
    /// The smallest u with P(U ≤ u) ≥ p, R's <c>qwilcox(p, m, n)</c>; like R it forgives a relative error of
    /// 1e-9 so that a probability equal to p on paper is not missed by rounding.
    /// </summary>
    public int Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var target = p * (1 - 1e-9);
        for (var u = 0; u < MaxU; u++)
            if (AtMost(u) >= target) return u;
        return MaxU;
    }
}
