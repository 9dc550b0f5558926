using System.Text;
using Assay.Core.Results;
using Assay.Reporting.Charts;

namespace Assay.Dashboard.Pages;

/// <summary>One experiment: its completed runs' results (for the history charts) and all its runs, newest first.</summary>
public sealed record ExperimentPageModel(string Name, string Title, IReadOnlyList<RunResult> Results, IReadOnlyList<RunRow> Runs);

/// <summary>An experiment's history: KPI medians per variant over its runs, then the list of its runs.</summary>
public static class ExperimentPage
{
    public static string Render(ExperimentPageModel model, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var body = new StringBuilder();
        body.Append($"<h1>{Html.Escape(model.Name)}</h1><p>{Html.Escape(model.Title)}</p>");
        body.Append("<h2>History</h2>");
        var charts = HistoryCharts.Build(model.Results);
        if (charts.Count == 0)
            body.Append("<p class=\"muted\">No completed run with results yet.</p>");
        else
        {
            body.Append($"<p class=\"muted\">{model.Results.Count} completed run(s); one line per variant: ");
            body.Append(string.Join(", ", charts[0].Series.Select(s => Html.Escape(s.Name))));
            body.Append(".</p><div class=\"columns charts\">");
            foreach (var chart in charts)
                body.Append($"<section>{LineChart.Render(chart)}</section>"); // the chart draws its own title and legend
            body.Append("</div>");
        }
        body.Append("<h2>Runs</h2>");
        body.Append(RunsTable.Render(model.Runs, links, showExperiment: false));
        return Layout.Page(model.Name, links, body.ToString());
    }
}
