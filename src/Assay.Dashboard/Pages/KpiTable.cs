using System.Globalization;
using System.Text;
using Assay.Core.History;
using Assay.Core.Results;
using Assay.Reporting.Text;

namespace Assay.Dashboard.Pages;

/// <summary>A run's KPIs as one table of medians across trials: by variant (a row each) or by KPI (a row each, narrower).</summary>
internal static class KpiTable
{
    /// <summary>A row per KPI, a column per variant: narrow enough for two runs side by side.</summary>
    public static string RenderByKpi(RunResult result)
    {
        var html = new StringBuilder("<table class=\"kpis\"><thead><tr><th>KPI</th>");
        foreach (var variant in result.Variants) html.Append($"<th>{Html.Escape(variant.Name)} {Html.Status(variant.Status)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var kpi in KpiValues.Shown(result.Variants))
        {
            html.Append($"<tr><th>{Html.Escape(kpi.Name)}</th>");
            foreach (var variant in result.Variants) html.Append(Cell(variant, kpi.Name, kpi.Unit));
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    /// <summary>A row per variant, a column per KPI.</summary>
    public static string Render(RunResult result)
    {
        var kpis = KpiValues.Shown(result.Variants);
        var html = new StringBuilder("<table class=\"kpis\"><thead><tr><th>Variant</th><th>Status</th>");
        foreach (var kpi in kpis) html.Append($"<th>{Html.Escape(kpi.Name)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var variant in result.Variants)
        {
            html.Append($"<tr><th>{Html.Escape(variant.Name)}</th><td>{Html.Status(variant.Status)}</td>");
            foreach (var kpi in kpis) html.Append(Cell(variant, kpi.Name, kpi.Unit));
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    private static string Cell(VariantResult variant, string kpi, string unit)
    {
        var value = KpiSamples.Median(variant, kpi);
        // Flagged so a reader does not compare a median whose trials disagree as if it were firm.
        var flag = variant.Kpis.TryGetValue(kpi, out var summary) && summary.HighVariation
            ? string.Create(CultureInfo.InvariantCulture, $" <span class=\"muted\" title=\"trials vary: CV {summary.Cv:P0}\">±</span>")
            : "";
        return $"<td class=\"num\">{(value is double v ? Html.Escape(Formats.Kpi(v, unit)) : "–")}{flag}</td>";
    }
}
