using System.Globalization;
using System.Text;
using Assay.Core.Results;
using Assay.Reporting.Text;

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

    private static string Changes(RunResult a, RunResult b)
    {
        var common = a.Variants.Select(v => v.Name).Intersect(b.Variants.Select(v => v.Name), StringComparer.Ordinal).ToList();
        if (common.Count == 0) return "<p class=\"muted\">The runs share no variant, so there is no change to show.</p>";
        var kpis = KpiValues.Shown(a.Variants.Concat(b.Variants));
        var html = new StringBuilder("<h2>Change from A to B (medians)</h2><table class=\"changes\"><thead><tr><th>Variant</th><th>KPI</th><th>A</th><th>B</th><th>Change</th></tr></thead><tbody>");
        foreach (var name in common)
        {
            var (va, vb) = (a.Variants.First(v => v.Name == name), b.Variants.First(v => v.Name == name));
            foreach (var kpi in kpis)
            {
                if (KpiValues.Median(va, kpi.Name) is not double x || KpiValues.Median(vb, kpi.Name) is not double y) continue;
                var change = x == 0 ? "–" : ((y - x) / x).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);
                html.Append($"<tr><th>{Html.Escape(name)}</th><td>{Html.Escape(kpi.Name)}</td><td class=\"num\">{Html.Escape(Formats.Kpi(x, kpi.Unit))}</td><td class=\"num\">{Html.Escape(Formats.Kpi(y, kpi.Unit))}</td><td class=\"num\">{change}</td></tr>");
            }
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }
}
