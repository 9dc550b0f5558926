using Assay.Core.History;
using Assay.Reporting.Text;

namespace Assay.Reporting.Report;

/// <summary>Run B against run A as a table: each shared variant's KPIs, B ÷ A with its interval and verdict (as <c>assay compare</c> prints it).</summary>
public static class RunComparisonTable
{
    public static ReportTable For(RunComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notes = report.Changes.Where(c => !c.Comparison.Judged).Select(c => c.Comparison.Note).Where(n => n.Length > 0).Distinct().ToList();
        if (report.OnlyInA.Count > 0) notes.Add($"only in A: {string.Join(", ", report.OnlyInA)}");
        if (report.OnlyInB.Count > 0) notes.Add($"only in B: {string.Join(", ", report.OnlyInB)}");
        if (report.Changes.Count > 0 && !report.AnyJudged) notes.Add("no change could be judged; runs with more trials (--trials 5 or more) usually can be");
        return new ReportTable(
            "run-comparison",
            $"Change from A to B (Hodges–Lehmann ratio B ÷ A of each run's trials, {Formats.Percent(report.Plan.Confidence)} interval, ±{Formats.Percent(report.Plan.Margin)} margin, Holm across all rows)",
            ["Variant", "KPI", "A", "B", "B ÷ A", "interval", "verdict"],
            [.. report.Changes.Select(change =>
            {
                var c = change.Comparison;
                return (IReadOnlyList<string>)[
                    change.Variant,
                    change.Kpi.Name,
                    change.MedianA is { } a ? Formats.Kpi(a, change.Kpi.Unit) : "–",
                    change.MedianB is { } b ? Formats.Kpi(b, change.Kpi.Unit) : "–",
                    c.Ratio is { } r ? Formats.Number(r) : "–",
                    IntervalText.Of(c),
                    c.Judged ? c.Verdict.ToString().ToLowerInvariant() : "not judged"];
            })])
        {
            Notes = notes,
        };
    }
}
