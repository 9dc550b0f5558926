using System.Globalization;
using System.Text;
using Assay.Core.Results;
using Assay.Reporting.Text;

namespace Assay.Dashboard.Pages;

/// <summary>A run's KPIs as one table: a row per variant, a column per KPI (the median across trials).</summary>
internal static class KpiTable
{
    public static string Render(RunResult result)
    {
        var kpis = KpiValues.Shown(result.Variants);
        var html = new StringBuilder("<table class=\"kpis\"><thead><tr><th>Variant</th><th>Status</th>");
        foreach (var kpi in kpis) html.Append($"<th>{Html.Escape(kpi.Name)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var variant in result.Variants)
        {
            html.Append($"<tr><th>{Html.Escape(variant.Name)}</th><td>{Html.Status(variant.Status)}</td>");
            foreach (var kpi in kpis)
            {
                var value = KpiValues.Median(variant, kpi.Name);
                var flag = variant.Kpis.TryGetValue(kpi.Name, out var summary) && summary.HighVariation
                    ? string.Create(CultureInfo.InvariantCulture, $" <span class=\"muted\" title=\"trials vary: CV {summary.Cv:P0}\">±</span>")
                    : "";
                html.Append($"<td class=\"num\">{(value is double v ? Html.Escape(Formats.Kpi(v, kpi.Unit)) : "–")}{flag}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }
}
