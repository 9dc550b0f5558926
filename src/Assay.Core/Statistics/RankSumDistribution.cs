namespace Assay.Core.Statistics;

/// <summary>
/// The exact permutation distribution of the sum of <c>m</c> scores drawn without replacement from a fixed
/// list of integer scores: with scores 1…N it is Wilcoxon's rank-sum null distribution; with doubled
/// mid-ranks it is the same distribution conditional on the ties observed.
/// </summary>
/// <remarks>
/// Counts by dynamic programming over the scores (how many m-subsets reach each sum), O(N·m·S) additions.
/// Counts are doubles: they reach C(100, 50) ≈ 1e29, far beyond any integer type, and only additions are
/// made, so the relative error stays near machine precision.
/// </remarks>
internal sealed class RankSumDistribution
{
    private readonly long _minSum;
    private readonly double[] _mass;
    private readonly double[] _atMost;
    private readonly double[] _atLeast;

    private RankSumDistribution(long minSum, double[] mass, double[] atMost, double[] atLeast)
    {
        _minSum = minSum;
        _mass = mass;
        _atMost = atMost;
        _atLeast = atLeast;
    }

    public long MinSum => _minSum;

    public long MaxSum => _minSum + _atMost.Length - 1;

    public static RankSumDistribution Of(IReadOnlyList<int> scores, int m)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, scores.Count);
        var ordered = scores.Order().ToArray();
        if (ordered.Length > 0 && ordered[0] < 0)
            throw new ArgumentOutOfRangeException(nameof(scores), "Rank scores are never negative.");
        long minSum = ordered.Take(m).Sum(s => (long)s);
        long maxSum = ordered.Skip(ordered.Length - m).Sum(s => (long)s);

        // counts[j][s]: how many j-subsets of the scores seen so far add up to s.
        var counts = new double[m + 1][];
        for (var j = 0; j <= m; j++) counts[j] = new double[maxSum + 1];
        counts[0][0] = 1;
        long reachable = 0;
        for (var k = 0; k < ordered.Length; k++)
        {
            var score = ordered[k];
            reachable = Math.Min(reachable + score, maxSum);
            for (var j = Math.Min(k + 1, m); j >= 1; j--)
            {
                var into = counts[j];
                var from = counts[j - 1];
                for (var s = reachable; s >= score; s--) into[s] += from[s - score];
            }
        }

        var exact = counts[m];
        var length = (int)(maxSum - minSum + 1);
        var total = 0.0;
        for (var s = minSum; s <= maxSum; s++) total += exact[s];
        var mass = new double[length];
        for (var i = 0; i < length; i++) mass[i] = exact[minSum + i] / total;
        var atMost = new double[length];
        var atLeast = new double[length];
        // Both tails summed from their own end so a tiny tail is never 1 minus something close to 1.
        var running = 0.0;
        for (var i = 0; i < length; i++)
        {
            running += exact[minSum + i];
            atMost[i] = running / total;
        }
        running = 0.0;
        for (var i = length - 1; i >= 0; i--)
        {
            running += exact[minSum + i];
            atLeast[i] = running / total;
        }
        return new RankSumDistribution(minSum, mass, atMost, atLeast);
    }

    /// <summary>P(S ≤ sum).</summary>
    public double AtMost(long sum)
    {
        if (sum < _minSum) return 0;
        if (sum > MaxSum) return 1;
        return _atMost[sum - _minSum];
    }

    /// <summary>P(S ≥ sum).</summary>
    public double AtLeast(long sum)
    {
        if (sum > MaxSum) return 0;
        if (sum < _minSum) return 1;
        return _atLeast[sum - _minSum];
    }

    /// <summary>P(S = sum).</summary>
    public double Exactly(long sum) => sum < _minSum || sum > MaxSum ? 0 : _mass[sum - _minSum];
}
