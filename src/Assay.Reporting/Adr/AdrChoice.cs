using Assay.Core.Analysis;
using Assay.Core.Results;
using Assay.Core.Statistics;

namespace Assay.Reporting.Adr;

/// <summary>The option a run's evidence supports, or none and why.</summary>
/// <param name="Winner">The chosen variant; null when the evidence does not name one.</param>
/// <param name="Reason">Why, in a sentence that completes "Chosen option: …, because" or "none yet — ".</param>
public sealed record AdrChoice(string? Winner, string Reason)
{
    /// <summary>
    /// A winner is the one variant that won at least one judged comparison (better as candidate, or the baseline
    /// of a worse candidate) and lost none. No winner when the run compared nothing, no comparison reached a
    /// verdict, all verdicts are inconclusive, the hypothesis could not be judged, or the verdicts disagree.
    /// </summary>
    public static AdrChoice For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Comparisons.Count == 0)
            return new(null, "the run compared no variants, so there is nothing to choose between yet");
        var decided = result.Comparisons.Where(c => c.Judged && c.Verdict != ComparisonVerdict.Inconclusive).ToList();
        if (decided.Count == 0)
        {
            var unjudged = result.Comparisons.Count(c => !c.Judged);
            return new(null, unjudged == result.Comparisons.Count
                ? $"the evidence is inconclusive: no comparison could be judged ({result.Comparisons[0].Note.TrimEnd('.')})"
                : "the evidence is inconclusive: every comparison's interval straddles the margin");
        }
        if (result.Hypothesis is { Verdict: HypothesisJudge.Insufficient })
            return new(null, "the evidence is inconclusive: the hypothesis could not be judged on these trials");

        var wins = decided.Select(WinnerOf).ToList();
        var losers = decided.Select(LoserOf).Where(l => l is not null).ToHashSet(StringComparer.Ordinal);
        var candidates = wins.Where(w => w is not null && !losers.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Count == 1)
        {
            var winner = candidates[0]!;
            var better = decided
                .Where(c => WinnerOf(c) == winner)
                .GroupBy(c => Other(c, winner), StringComparer.Ordinal)
                .Select(g => $"better than {g.Key} on {string.Join(" and ", g.Select(c => c.Kpi))}");
            return new(winner, $"it is {string.Join("; ", better)}, and worse on no KPI judged");
        }
        if (wins.All(w => w is null))
            return new(null, "the variants are equivalent on every KPI judged: choose on what the run did not measure");
        return new(null, "the evidence is mixed: the verdicts favour different variants on different KPIs");
    }

    private static string? WinnerOf(Comparison c) => c.Verdict switch
    {
        ComparisonVerdict.Better => c.Candidate,
        ComparisonVerdict.Worse => c.Baseline,
        _ => null,
    };

    private static string? LoserOf(Comparison c) => c.Verdict switch
    {
        ComparisonVerdict.Better => c.Baseline,
        ComparisonVerdict.Worse => c.Candidate,
        _ => null,
    };

    private static string Other(Comparison c, string variant) => c.Candidate == variant ? c.Baseline : c.Candidate;
}
