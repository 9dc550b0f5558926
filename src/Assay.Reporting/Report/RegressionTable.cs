using Assay.Core.History;
using Assay.Reporting.Text;

namespace Assay.Reporting.Report;

/// <summary>
/// A run's KPIs against the experiment's recent runs (ADR 0009), for the report's summary: every KPI that moved
/// beyond its recent range (regressed, unconfirmed or improved), or one line saying why nothing could be judged.
/// </summary>
public static class RegressionTable
{
    public static ReportTable For(RegressionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var moved = report.Findings.Where(f => f.Status is RegressionStatus.Regressed or RegressionStatus.Unconfirmed or RegressionStatus.Improved).ToList();
        var compared = Math.Min(report.HistoryRuns.Count, report.Rule.Window);
        var title = report.NotEnoughHistory || report.Findings.Count == 0
            ? "Regressions against recent runs: nothing judged"
            : report.HasRegression
                ? $"Regressions against recent runs: {report.Regressions.Count} regression(s) against the last {compared} comparable run(s)"
                : $"Regressions against recent runs: none against the last {compared} comparable run(s)";
        return new ReportTable(
            "regressions",
            title,
            ["Variant", "KPI", "status", "this run", "recent range", "ratio to earlier trials", "why"],
            [.. moved.Select(f => (IReadOnlyList<string>)[
                f.Variant,
                f.Kpi.Name,
                Status(f.Status),
                Formats.Kpi(f.Median, f.Kpi.Unit),
                f.RangeLow is { } low && f.RangeHigh is { } high ? $"{Formats.Kpi(low, f.Kpi.Unit)} – {Formats.Kpi(high, f.Kpi.Unit)}" : "–",
                f.Ratio is { } r ? $"{Formats.Number(r)} {IntervalText.Bracket(f.CiLow, f.CiHigh)}".TrimEnd() : "–",
                f.Note])])
        {
            Notes = report.NotEnoughHistory ? [report.Findings[0].Note + " of this experiment with these parameters"]
                : moved.Count == 0 && report.Findings.Count > 0 ? ["every KPI stayed within its recent range"]
                : [],
        };
    }

    private static string Status(RegressionStatus status) => status switch
    {
        RegressionStatus.Regressed => "REGRESSED",
        RegressionStatus.Unconfirmed => "unconfirmed",
        RegressionStatus.Improved => "improved",
        _ => status.ToString().ToLowerInvariant(),
    };
}
