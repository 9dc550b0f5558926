using System.Text;
using Assay.Core.Results;

namespace Assay.Dashboard.Pages;

/// <summary>One experiment in the list: how many runs it has and how the last one ended.</summary>
public sealed record ExperimentRow(string Name, string Title, int RunCount, string LastRunId, RunStatus LastStatus, DateTimeOffset LastStartedAt);

/// <summary>The home page: every experiment with runs in the store, the most recently run first.</summary>
public sealed record ExperimentsPageModel(IReadOnlyList<ExperimentRow> Experiments);

public static class ExperimentsPage
{
    public static string Render(ExperimentsPageModel model, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var body = new StringBuilder("<h1>Experiments</h1>");
        if (model.Experiments.Count == 0)
        {
            body.Append("<p class=\"muted\">No runs in this store yet: start one with <code>assay run experiments/hello-app</code>.</p>");
            return Layout.Page("Experiments", links, body.ToString());
        }
        body.Append("<table id=\"experiments\"><thead><tr><th>Experiment</th><th>Title</th><th>Runs</th><th>Last run</th><th>Last status</th></tr></thead><tbody>");
        foreach (var row in model.Experiments)
        {
            body.Append("<tr>");
            body.Append($"<td>{Html.Link(links.Experiment(row.Name), row.Name)}</td>");
            body.Append($"<td>{Html.Escape(row.Title)}</td>");
            body.Append($"<td class=\"num\">{Html.Link(links.RunsOf(row.Name), row.RunCount.ToString(System.Globalization.CultureInfo.InvariantCulture))}</td>");
            body.Append($"<td>{Html.Link(links.Run(row.LastRunId), Html.Time(row.LastStartedAt))}</td>");
            body.Append($"<td>{Html.Status(row.LastStatus)}</td>");
            body.Append("</tr>");
        }
        body.Append("</tbody></table>");
        return Layout.Page("Experiments", links, body.ToString());
    }
}
