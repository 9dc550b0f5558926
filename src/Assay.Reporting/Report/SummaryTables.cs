using Assay.Core.Results;
using Assay.Reporting.Text;

namespace Assay.Reporting.Report;

/// <summary>What a reader needs first: the verdict on the hypothesis, criterion by criterion, and the thresholds. Pure.</summary>
public static class SummaryTables
{
    /// <summary>The run's status in one line: status, variants, trials, duration.</summary>
    public static string Headline(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var trials = result.Trials == 1 ? "1 trial" : $"{result.Trials} trials per variant";
        return $"{Status(result.Status)}: {result.Variants.Count} variant(s), {trials}, {Formats.Seconds(result.DurationSeconds)} s"
            + (result.Message is { Length: > 0 } message ? $". {message}" : "");
    }

    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A problem of the run in one line: where it happened, then what happened.</summary>
    public static string Issue(RunIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var where = string.Join(" ", new[] { issue.Phase, issue.Variant, issue.Trial is int t ? $"trial {t}" : null, issue.Component }.OfType<string>());
        return $"{where}: {issue.Message}";
    }

    /// <summary>The hypothesis's criteria with what they were judged on; null when the experiment states no hypothesis.</summary>
    public static ReportTable? Criteria(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Hypothesis is not { } hypothesis) return null;
        return new ReportTable(
            "criteria",
            $"Success criteria ({hypothesis.Verdict})",
            ["Criterion", "Value", "Interval", "Result", "Note"],
            [.. hypothesis.Criteria.Select(c => (IReadOnlyList<string>)[
                c.Description,
                c.Value is { } v ? Formats.Number(v) : "–",
                IntervalText.Bracket(c.CiLow, c.CiHigh) is { Length: > 0 } bracket ? bracket : "–",
                c.Passed switch { true => "pass", false => "FAIL", null => "not judged" },
                c.Note ?? ""])]);
    }

    /// <summary>Every threshold of every variant: it passes only when it passed in every trial; the actual value is the worst trial's.</summary>
    public static ReportTable Thresholds(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ReportTable(
            "thresholds",
            "Thresholds (every trial must pass; actual is the worst trial)",
            ["Variant", "Threshold", "Result", "Actual", "Trials failed"],
            [.. result.Variants.SelectMany(v => v.Thresholds.Select(t => (IReadOnlyList<string>)[
                v.Name,
                t.Expression,
                t.Passed ? "pass" : "FAIL",
                Formats.ThresholdValue(t.Actual, t.Unit),
                $"{t.TrialsFailed} of {v.TrialResults.Count}"]))]);
    }
}
