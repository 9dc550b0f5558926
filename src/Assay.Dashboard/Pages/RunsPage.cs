namespace Assay.Dashboard.Pages;

/// <summary>Runs, newest first; <paramref name="Experiment"/> is the filter, null for all.</summary>
public sealed record RunsPageModel(string? Experiment, IReadOnlyList<RunRow> Runs);

public static class RunsPage
{
    public static string Render(RunsPageModel model, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var heading = model.Experiment is null ? "Runs" : $"Runs of {model.Experiment}";
        var body = $"<h1>{Html.Escape(heading)}</h1>";
        if (model.Experiment is not null)
            body += $"<p>{Html.Link(links.Experiment(model.Experiment), "History of " + model.Experiment)} · {Html.Link(links.Runs(), "all runs")}</p>";
        return Layout.Page(heading, links, body + RunsTable.Render(model.Runs, links, showExperiment: model.Experiment is null));
    }
}
