using System.Text;
using Assay.Core.Results;
using Assay.Core.History;
using Assay.Reporting.Html;
using Assay.Reporting.Report;

namespace Assay.Dashboard.Pages;

/// <summary>
/// Two runs side by side. The ids are what the user asked for (null when not given); a run is null when it was
/// not found or has no result, and <paramref name="Problem"/> then says which and why.
/// </summary>
public sealed record ComparePageModel(string? RunIdA, string? RunIdB, RunResult? A, RunResult? B, string? Problem);

/// <summary>The comparison of two runs: each run's KPI table next to the other's, then the change per variant and KPI.</summary>
public static class ComparePage
{
    public static string Render(ComparePageModel model, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var body = new StringBuilder("<h1>Compare two runs</h1>");
        if (!links.StaticFiles)
        {
            // A GET form: the comparison stays a plain link to share, and no script is needed.
            body.Append($"""<form method="get" action="{Html.Escape(links.CompareForm())}">""");
            body.Append($"""<label>Run A <input name="a" value="{Html.Escape(model.RunIdA)}" size="40"></label> """);
            body.Append($"""<label>Run B <input name="b" value="{Html.Escape(model.RunIdB)}" size="40"></label> """);
            body.Append("<button type=\"submit\">Compare</button></form>");
        }
        if (model.Problem is not null) body.Append($"<p class=\"problem\">{Html.Escape(model.Problem)}</p>");
        if (model.A is not { } a || model.B is not { } b) return Layout.Page("Compare", links, body.ToString());

        body.Append("<div class=\"columns compare\">");
        foreach (var (label, run) in new[] { ("A", a), ("B", b) })
        {
            body.Append($"<section class=\"run-{label.ToLowerInvariant()}\"><h2>{label}: {Html.Link(links.Run(run.RunId), run.RunId)}</h2>");
            body.Append($"<p>{Html.Link(links.Experiment(run.Experiment), run.Experiment)} · {Html.Status(run.Status)} · {Html.Time(run.StartedAt)} · hypothesis {Html.Verdict(run.Hypothesis?.Verdict)}</p>");
            body.Append(KpiTable.RenderByKpi(run)).Append("</section>");
        }
        body.Append("</div>");
        body.Append(Changes(a, b));
        return Layout.Page($"{a.RunId} vs {b.RunId}", links, body.ToString());
    }

    /// <summary>The change per shared variant and KPI, with the statistics <c>assay compare</c> uses.</summary>
    private static string Changes(RunResult a, RunResult b)
    {
        var report = RunComparer.Compare(a, b);
        if (report.Changes.Count == 0) return "<p class=\"muted\">The runs share no variant, so there is no change to show.</p>";
        return "<h2>Change from A to B</h2><div class=\"changes\">" + HtmlTable.Render(RunComparisonTable.For(report)) + "</div>";
    }
}
