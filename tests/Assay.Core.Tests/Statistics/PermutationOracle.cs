namespace Assay.Core.Tests.Statistics;

/// <summary>
/// A slow, obviously correct reference for rank tests: enumerate every way of labelling n of the pooled values
/// "candidate", with mid-ranks for ties, and count how many rank sums are as extreme as the observed one.
/// </summary>
internal static class PermutationOracle
{
    public static double TwoSidedPValue(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        double[] pooled = [.. baseline, .. candidate];
        var ranks = MidRanks(pooled);
        var observed = ranks.Skip(baseline.Count).Sum();
        var sums = Subsets(pooled.Length, candidate.Count).Select(s => s.Sum(i => ranks[i])).ToList();
        double atMost = sums.Count(s => s <= observed + 1e-9), atLeast = sums.Count(s => s >= observed - 1e-9);
        return Math.Min(1, 2 * Math.Min(atMost, atLeast) / sums.Count);
    }

    /// <summary>U: pairs where the candidate's value is above the baseline's, ties counting half.</summary>
    public static double U(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate) =>
        candidate.Sum(y => baseline.Sum(x => y > x ? 1.0 : y == x ? 0.5 : 0.0));

    /// <summary>All pairwise ratios candidate ÷ baseline, sorted.</summary>
    public static double[] SortedRatios(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate) =>
        [.. candidate.SelectMany(y => baseline.Select(x => y / x)).Order()];

    private static double[] MidRanks(double[] values) =>
        [.. values.Select(v => values.Count(w => w < v) + (values.Count(w => w == v) + 1) / 2.0)];

    private static IEnumerable<int[]> Subsets(int size, int choose)
    {
        if (choose == 0) { yield return []; yield break; }
        for (var first = 0; first <= size - choose; first++)
            foreach (var rest in Subsets(size - first - 1, choose - 1))
                yield return [first, .. rest.Select(r => r + first + 1)];
    }
}
