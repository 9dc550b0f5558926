using Assay.Core.History;
using Assay.Reporting.Text;
using Spectre.Console;

namespace Assay.Cli.Rendering;

/// <summary>The end-of-run verdict against earlier runs: each regression flagged, or why none could be.</summary>
internal static class RegressionRenderer
{
    public static void Render(IAnsiConsole console, RegressionReport report)
    {
        if (report.Findings.Count == 0) return;
        if (report.NotEnoughHistory)
        {
            console.MarkupLine($"[bold]Regressions[/]: [grey]{Markup.Escape(report.Findings[0].Note)} of this experiment with these parameters; nothing judged[/]");
            return;
        }
        var regressions = report.Regressions;
        var improved = report.Findings.Count(f => f.Status == RegressionStatus.Improved);
        var unjudged = report.Findings.Count(f => f.Status == RegressionStatus.NotEnoughHistory);
        var summary = regressions.Count == 0
            ? $"[green]none[/] against the last {Math.Min(report.HistoryRuns.Count, report.Rule.Window)} comparable run(s)"
            : $"[red]{regressions.Count} regression(s)[/] against the last {Math.Min(report.HistoryRuns.Count, report.Rule.Window)} comparable run(s)";
        var extras = (improved > 0 ? $", {improved} KPI(s) improved" : "") + (unjudged > 0 ? $", {unjudged} without enough history" : "");
        console.MarkupLine($"[bold]Regressions[/]: {summary}{extras}");
        foreach (var finding in report.Findings.Where(f => f.IsRegression || f.Status == RegressionStatus.Unconfirmed))
        {
            var mark = finding.IsRegression ? "[red]▼ REGRESSED[/]" : "[yellow]? unconfirmed[/]";
            console.MarkupLine($"  {mark}  {Markup.Escape(finding.Variant)} {Markup.Escape(finding.Kpi.Name)}: "
                + $"{Formats.Kpi(finding.Median, finding.Kpi.Unit)} [grey]({Markup.Escape(finding.Note)})[/]");
        }
    }
}
