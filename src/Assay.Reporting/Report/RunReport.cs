using Assay.Core.Results;
using Assay.Reporting.Html;
using Assay.Reporting.Markdown;

namespace Assay.Reporting.Report;

/// <summary>A file of a report: its name inside the run folder (or beside <c>--out</c>) and its text.</summary>
public sealed record ReportFile(string Name, string Content);

/// <summary>
/// Every file of a run's report, named: <c>report.html</c> (self-contained), <c>report.md</c> and the SVG charts
/// the Markdown links to. Pure: the CLI writes them.
/// </summary>
public static class RunReport
{
    public const string HtmlFileName = "report.html";
    public const string MarkdownFileName = "report.md";

    public static IReadOnlyList<ReportFile> Html(RunResult result, string? experimentText) =>
        [new ReportFile(HtmlFileName, HtmlReport.Render(result, experimentText))];

    /// <summary>The Markdown report and the chart files it links to.</summary>
    public static IReadOnlyList<ReportFile> Markdown(RunResult result, string? experimentText) =>
        [new ReportFile(MarkdownFileName, MarkdownReport.Render(result, experimentText)),
         .. RunCharts.For(result).Select(c => new ReportFile(c.FileName, c.Svg + "\n"))];

    /// <summary>Both reports and the charts: what <c>assay run</c> writes into the run folder.</summary>
    public static IReadOnlyList<ReportFile> All(RunResult result, string? experimentText) =>
        [.. Html(result, experimentText), .. Markdown(result, experimentText)];
}
