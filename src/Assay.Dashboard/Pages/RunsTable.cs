using System.Text;
using Assay.Core.History;
using Assay.Engine.Storage;
using Assay.Reporting.Text;

namespace Assay.Dashboard.Pages;

/// <summary>A run in a list, with the verdict on its hypothesis and its regressions against earlier runs when it has a result.</summary>
public sealed record RunRow(RunListing Listing, string? Verdict, RegressionReport? Regressions = null);

/// <summary>The table of runs the runs page and an experiment's page share: newest first.</summary>
internal static class RunsTable
{
    public static string Render(IReadOnlyList<RunRow> runs, PageLinks links, bool showExperiment)
    {
        if (runs.Count == 0) return "<p class=\"muted\">No runs.</p>";
        var html = new StringBuilder("<table class=\"runs\"><thead><tr><th>Run</th>");
        if (showExperiment) html.Append("<th>Experiment</th>");
        html.Append("<th>Started</th><th>Status</th><th>Hypothesis</th><th>Regressions</th><th>Variants: throughput · p99</th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            var listing = run.Listing;
            html.Append($"<tr><td>{Html.Link(links.Run(listing.RunId), listing.RunId)}</td>");
            if (showExperiment) html.Append($"<td>{Html.Link(links.Experiment(listing.Experiment), listing.Experiment)}</td>");
            html.Append($"<td>{Html.Time(listing.StartedAt)}</td><td>{Html.Status(listing.Status)}</td><td>{Html.Verdict(run.Verdict)}</td><td>{Regressions(run.Regressions)}</td>");
            var headlines = string.Join("; ", listing.Variants.Select(v => $"{v.Name}: {Formats.Rate(v.Throughput)} · {Formats.Latency(v.P99Ms)}"));
            html.Append($"<td>{Html.Escape(headlines.Length > 0 ? headlines : listing.Message)}</td></tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    /// <summary>What <c>assay history</c> marks: the regressed KPIs, none, or a dash when there was too little history to judge.</summary>
    private static string Regressions(RegressionReport? report) => report switch
    {
        null or { Findings.Count: 0 } or { NotEnoughHistory: true } => "<span class=\"muted\" title=\"not enough earlier runs to judge\">–</span>",
        { HasRegression: true } => $"<span class=\"regressed\">▼ {Html.Escape(string.Join(", ", report.Regressions.Select(f => $"{f.Variant} {f.Kpi.Name}")))}</span>",
        _ => "none",
    };
}
