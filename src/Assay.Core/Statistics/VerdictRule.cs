using System.Globalization;

namespace Assay.Core.Statistics;

/// <summary>A verdict and the sentence that explains it.</summary>
public sealed record VerdictDecision(ComparisonVerdict Verdict, string Note);

/// <summary>
/// Turns a comparison's intervals and Holm-adjusted p-value into a verdict against a margin δ, with
/// confidence c requested and K comparisons in the run:
/// <list type="number">
/// <item><b>insufficient</b> when the trial counts cannot reach c at all (2 / C(m+n, m) &gt; 1 − c, e.g. fewer
/// than 4 trials per arm for 95%). A verdict rather than a flag beside one, so that no reader or hypothesis
/// check can take the number without seeing that it decides nothing.</item>
/// <item><b>better</b> (or <b>worse</b>) when the whole c interval lies beyond the margin on the better (worse)
/// side — above 1 + δ for a higher-is-better KPI, below 1/(1 + δ) for a lower-is-better one — <i>and</i> the
/// Holm-adjusted p-value is at most 1 − c. For one comparison the second condition follows from the first
/// (an exact interval excluding 1 means p ≤ 1 − c); with several it keeps the chance that any claimed
/// difference is pure noise below 1 − c across the whole run. When the interval is beyond the margin but the
/// adjusted p-value is not small enough, the verdict is inconclusive and the note says so.</item>
/// <item><b>equivalent</b> when the interval at 1 − 2(1 − c)/K lies within [1/(1 + δ), 1 + δ]: two one-sided
/// tests at 1 − c each (TOST, hence the 90% interval for c = 95% and one comparison), Bonferroni-corrected over
/// the K comparisons so that many comparisons do not manufacture equivalence either. If the trials cannot
/// reach that confidence, equivalence cannot be shown.</item>
/// <item><b>inconclusive</b> otherwise.</item>
/// </list>
/// </summary>
public static class VerdictRule
{
    /// <param name="decision">The ratio's interval at the requested confidence c.</param>
    /// <param name="equivalence">The ratio's interval at 1 − 2(1 − c)/K.</param>
    /// <param name="adjustedPValue">The Holm-adjusted two-sided Mann–Whitney p-value.</param>
    public static VerdictDecision Decide(
        KpiDirection direction, double margin, HodgesLehmannEstimate decision, HodgesLehmannEstimate equivalence, double adjustedPValue)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(equivalence);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        var c = decision.RequestedConfidence;
        if (!decision.ReachesRequested)
            return new(ComparisonVerdict.Inconclusive, Insufficient(decision.BaselineCount, decision.CandidateCount, c));

        var upper = 1 + margin;
        var lower = 1 / upper;
        var interval = $"the {Percent(decision.Confidence)} interval [{Ratio(decision.Low)}, {Ratio(decision.High)}]";
        var above = decision.Low > upper;
        var below = decision.High < lower;
        if (above || below)
        {
            var better = above == (direction == KpiDirection.HigherIsBetter);
            var side = above ? $"above {Ratio(upper)}" : $"below {Ratio(lower)}";
            if (adjustedPValue <= (1 - c) * (1 + 1e-9))
                return new(better ? ComparisonVerdict.Better : ComparisonVerdict.Worse,
                    $"{interval} lies {side} (±{Percent(margin)} margin); Holm-adjusted p = {P(adjustedPValue)}.");
            return new(ComparisonVerdict.Inconclusive,
                $"{interval} lies {side}, but the Holm-adjusted p = {P(adjustedPValue)} exceeds {P(1 - c)}: over all comparisons of the run the difference may be noise.");
        }

        var equivalenceInterval = $"the {Percent(equivalence.Confidence)} interval [{Ratio(equivalence.Low)}, {Ratio(equivalence.High)}]";
        if (!equivalence.ReachesRequested)
            return new(ComparisonVerdict.Inconclusive,
                $"{interval} is not beyond the ±{Percent(margin)} margin, and equivalence needs a {Percent(equivalence.RequestedConfidence)} interval, which {equivalence.BaselineCount} and {equivalence.CandidateCount} trials cannot reach.");
        if (equivalence.Low >= lower && equivalence.High <= upper)
            return new(ComparisonVerdict.Equivalent, $"{equivalenceInterval} lies within [{Ratio(lower)}, {Ratio(upper)}] (±{Percent(margin)} margin).");
        return new(ComparisonVerdict.Inconclusive,
            $"{interval} is not beyond the ±{Percent(margin)} margin and {equivalenceInterval} is not within [{Ratio(lower)}, {Ratio(upper)}]: more trials or less noise would decide.");
    }

    internal static string Insufficient(int baselineCount, int candidateCount, double confidence)
    {
        var best = 1 - MannWhitney.SmallestMisrate(baselineCount, candidateCount);
        var reach = best > 0 ? $"reach at most {Percent(best)} confidence" : "give no interval at all";
        return $"{baselineCount} and {candidateCount} trials {reach}; "
            + $"{Percent(confidence)} needs at least {MannWhitney.MinimumTrialsPerArm(confidence)} trials of each variant.";
    }

    internal static string Percent(double fraction) =>
        (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    internal static string Ratio(double ratio) => ratio.ToString("0.###", CultureInfo.InvariantCulture);

    internal static string P(double p) => p.ToString("G3", CultureInfo.InvariantCulture);
}
