using System.Globalization;
using System.Text;
using Assay.Core.History;
using Assay.Core.Results;
using Assay.Engine.Storage;
using Assay.Reporting.Html;
using Assay.Reporting.Report;

namespace Assay.Dashboard.Pages;

/// <summary>
/// One stored run, the previous completed run of its experiment (to compare with) when there is one, and the run
/// against its experiment's recent runs (null when it has no result).
/// </summary>
public sealed record RunPageModel(StoredRun Run, string? PreviousRunId, RegressionReport? Regressions);

/// <summary>A run: status, hypothesis verdict, KPI table, problems, and its full report embedded.</summary>
public static class RunPage
{
    public static string Render(RunPageModel model, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var listing = model.Run.Listing;
        var result = model.Run.Result;
        var body = new StringBuilder();
        body.Append($"<h1>{Html.Escape(listing.Title)}</h1>");
        body.Append($"<p>Run <code>{Html.Escape(listing.RunId)}</code> of {Html.Link(links.Experiment(listing.Experiment), listing.Experiment)} · {Html.Status(listing.Status)}");
        body.Append($" · started {Html.Time(listing.StartedAt)}");
        if (listing.EndedAt is { } ended)
            body.Append(string.Create(CultureInfo.InvariantCulture, $" · took {(ended - listing.StartedAt).TotalSeconds:0} s"));
        body.Append("</p>");
        if (listing.Message is not null) body.Append($"<p class=\"message\">{Html.Escape(listing.Message)}</p>");
        if (result is null)
        {
            body.Append("<p class=\"muted\">No result document: the run did not complete. Its phases:</p><ul>");
            foreach (var phase in model.Run.Phases)
                body.Append($"<li>{Html.Time(phase.At)} {Html.Escape(phase.Phase.ToString())}{(phase.Trial is int t ? $" trial {t} {Html.Escape(phase.Variant)}" : "")}</li>");
            body.Append("</ul>");
            return Layout.Page(listing.RunId, links, body.ToString());
        }

        body.Append("<p class=\"actions\">");
        body.Append($"""<a id="report-link" href="{Html.Escape(links.Report(listing.RunId))}">Full report</a>""");
        if (model.PreviousRunId is { } previous)
            body.Append($""" · <a id="compare-previous" href="{Html.Escape(links.Compare(previous, listing.RunId))}">Compare with the previous run ({Html.Escape(previous)})</a>""");
        body.Append("</p>");
        body.Append(Hypothesis(result.Hypothesis));
        body.Append("<h2>KPIs (median of trials)</h2>").Append(KpiTable.Render(result));
        if (model.Regressions is { } regressions)
            body.Append("<h2>Against recent runs</h2>").Append(HtmlTable.Render(RegressionTable.For(regressions)));
        if (result.Errors.Count > 0)
        {
            body.Append("<h2>Problems</h2><ul>");
            foreach (var issue in result.Errors)
                body.Append($"<li>{Html.Escape(issue.Phase)}{(issue.Variant is null ? "" : " · " + Html.Escape(issue.Variant))}: {Html.Escape(issue.Message)}</li>");
            body.Append("</ul>");
        }
        if (result.Warnings.Count > 0)
            body.Append("<h2>Warnings</h2><ul>").Append(string.Concat(result.Warnings.Select(w => $"<li>{Html.Escape(w)}</li>"))).Append("</ul>");
        body.Append("<h2>Report</h2>");
        body.Append($"""<iframe class="report" title="Report of {Html.Escape(listing.RunId)}" src="{Html.Escape(links.Report(listing.RunId))}"></iframe>""");
        return Layout.Page(listing.RunId, links, body.ToString());
    }

    /// <summary>The run's full report (its stored experiment text and regressions included), or null when it has no result.</summary>
    public static string? Report(RunPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Run.Result is { } result ? HtmlReport.Render(result, model.Run.ExperimentText, model.Regressions) : null;
    }

    private static string Hypothesis(HypothesisResult? hypothesis)
    {
        if (hypothesis is null) return "<h2>Hypothesis</h2><p>" + Html.Verdict(null) + "</p>";
        var html = new StringBuilder("<h2>Hypothesis</h2>");
        html.Append($"<p class=\"hypothesis\">{Html.Escape(hypothesis.Claim)} → {Html.Verdict(hypothesis.Verdict)}</p>");
        if (hypothesis.Criteria.Count > 0)
        {
            html.Append("<table class=\"criteria\"><thead><tr><th>Criterion</th><th>Value</th><th>Confidence interval</th><th>Met</th></tr></thead><tbody>");
            foreach (var c in hypothesis.Criteria)
                html.Append(string.Create(CultureInfo.InvariantCulture,
                    $"<tr><td>{Html.Escape(c.Description)}</td><td class=\"num\">{Number(c.Value)}</td><td class=\"num\">{Number(c.CiLow)} – {Number(c.CiHigh)}</td><td>{Met(c.Passed)}{(c.Note is null ? "" : " · " + Html.Escape(c.Note))}</td></tr>"));
            html.Append("</tbody></table>");
        }
        return html.ToString();
    }

    private static string Number(double? value) => value is double v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "–";

    private static string Met(bool? passed) => passed switch { true => "yes", false => "no", null => "not judged" };
}
