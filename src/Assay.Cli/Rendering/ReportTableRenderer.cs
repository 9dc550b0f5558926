using Assay.Reporting.Report;
using Spectre.Console;

namespace Assay.Cli.Rendering;

/// <summary>A report table in the console: the same rows the HTML and Markdown reports show, figures right-aligned, notes under it.</summary>
internal static class ReportTableRenderer
{
    public static void Render(IAnsiConsole console, ReportTable table)
    {
        var grid = new Table().Border(TableBorder.Simple).Title(Markup.Escape(table.Title));
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(table.Headers[i]));
            grid.AddColumn(table.IsNumeric(i) ? column.RightAligned() : column);
        }
        foreach (var row in table.Rows) grid.AddRow([.. row.Select(Markup.Escape)]);
        console.Write(grid);
        foreach (var note in table.Notes) console.MarkupLine($"  [grey]{Markup.Escape(note)}[/]");
    }
}
