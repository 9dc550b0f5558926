using System.Globalization;
using System.Net;
using System.Text;
using Assay.Reporting.Report;

namespace Assay.Reporting.Html;

/// <summary>A report table as HTML: the report and the dashboard show the same tables the same way.</summary>
public static class HtmlTable
{
    /// <param name="caption">Whether the table's title is its caption (off where a heading already says it).</param>
    public static string Render(ReportTable table, bool caption = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<table id=\"table-{table.Id}\" class=\"report-table\">\n");
        if (caption) html.Append(CultureInfo.InvariantCulture, $"<caption>{E(table.Title)}</caption>\n");
        html.Append("<thead><tr>").AppendJoin("", table.Headers.Select((h, i) => $"<th scope=\"col\"{Align(table, i)}>{E(h)}</th>")).Append("</tr></thead>\n");
        html.Append("<tbody>\n");
        foreach (var row in table.Rows)
            html.Append("<tr>").AppendJoin("", row.Select((c, i) => $"<td{Align(table, i)}>{E(c)}</td>")).Append("</tr>\n");
        if (table.Rows.Count == 0)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{table.Headers.Count}\" class=\"empty\">none</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
        foreach (var note in table.Notes) html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>\n");
        return html.ToString();
    }

    private static string Align(ReportTable table, int column) => table.IsNumeric(column) ? " class=\"num\"" : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
