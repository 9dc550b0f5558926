using System.Globalization;
using System.Net;
using System.Text;
using Assay.Core.History;
using Assay.Core.Results;
using Assay.Reporting.Report;

namespace Assay.Reporting.Html;

/// <summary>
/// A run's report as one self-contained HTML document: styles and charts inline (SVG), no script, nothing
/// fetched from the network, so it opens offline and can be mailed or archived as one file. Summary and verdict
/// first, then the charts, then every table, the environment and the experiment file as run.
/// </summary>
public static class HtmlReport
{
    public static string Render(RunResult result) => Render(result, experimentText: null);

    /// <param name="experimentText">The experiment file's text as stored with the run; null when it is not at hand.</param>
    /// <param name="regressions">The run against the experiment's recent runs; null when not judged.</param>
    public static string Render(RunResult result, string? experimentText, RegressionReport? regressions = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(result.Title)} ({E(result.RunId)})</title>\n");
        html.Append("<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header>\n<h1>{E(result.Title)}</h1>\n<p class=\"run\">{E(result.Experiment)} · run {E(result.RunId)} · started {E(result.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}</p>\n</header>\n");

        Summary(html, result, regressions);

        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        foreach (var chart in RunCharts.For(result))
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"figure-{chart.Id}\">\n{chart.Svg}\n</figure>\n");
        html.Append("</section>\n");

        html.Append("<section id=\"figures\">\n<h2>Figures</h2>\n");
        foreach (var table in EvidenceTables.For(result)) Table(html, table);
        html.Append("</section>\n");

        html.Append("<section id=\"environment\">\n<h2>Environment</h2>\n");
        Table(html, EnvironmentTable.For(result), caption: false);
        html.Append("</section>\n");

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"experiment\">\n<h2>Experiment file</h2>\n<p><code>{E(result.ExperimentFile)}</code></p>\n");
        html.Append(experimentText is null
            ? "<p class=\"note\">The experiment text was not stored with this run.</p>\n"
            : $"<pre class=\"experiment-file\"><code>{E(experimentText)}</code></pre>\n");
        html.Append("</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, RunResult result, RegressionReport? regressions)
    {
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"status status-{SummaryTables.Status(result.Status)}\">{E(SummaryTables.Headline(result))}</p>\n");
        if (result.Hypothesis is { } hypothesis)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"verdict verdict-{E(hypothesis.Verdict)}\">Hypothesis <q>{E(hypothesis.Claim)}</q>: <strong>{E(hypothesis.Verdict)}</strong></p>\n");
        if (SummaryTables.Criteria(result) is { } criteria) Table(html, criteria);
        Table(html, SummaryTables.Thresholds(result));
        if (regressions is not null) Table(html, RegressionTable.For(regressions));
        List(html, "warnings", result.Warnings);
        List(html, "errors", [.. result.Errors.Select(SummaryTables.Issue)]);
        html.Append("</section>\n");
    }

    private static void List(StringBuilder html, string kind, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        html.Append(CultureInfo.InvariantCulture, $"<ul class=\"{kind}\">\n");
        foreach (var item in items) html.Append(CultureInfo.InvariantCulture, $"<li>{E(item)}</li>\n");
        html.Append("</ul>\n");
    }

    private static void Table(StringBuilder html, ReportTable table, bool caption = true) => html.Append(HtmlTable.Render(table, caption));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
