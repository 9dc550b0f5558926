using Assay.Core.History;
using Assay.Core.Statistics;
using Assay.Reporting.Text;
using Spectre.Console;

namespace Assay.Cli.Rendering;

/// <summary>Run B against run A: each shared variant's KPIs, B ÷ A with its interval and verdict.</summary>
internal static class RunComparisonRenderer
{
    public static void Render(IAnsiConsole console, RunComparisonReport report)
    {
        console.MarkupLine($"run [blue]{Markup.Escape(report.RunB)}[/] (B) against run [blue]{Markup.Escape(report.RunA)}[/] (A): "
            + $"Hodges–Lehmann ratio B ÷ A of each run's trials, {Formats.Percent(report.Plan.Confidence)} interval, ±{Formats.Percent(report.Plan.Margin)} margin, Holm across all rows");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "Variant", "KPI", "A", "B", "B ÷ A", "interval", "verdict" })
            table.AddColumn(column is "Variant" or "KPI" or "verdict" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        foreach (var change in report.Changes)
        {
            var c = change.Comparison;
            table.AddRow(
                Markup.Escape(change.Variant),
                Markup.Escape(change.Kpi.Name),
                change.MedianA is { } ma ? Formats.Kpi(ma, change.Kpi.Unit) : "–",
                change.MedianB is { } mb ? Formats.Kpi(mb, change.Kpi.Unit) : "–",
                c.Ratio is { } r ? Formats.Number(r) : "–",
                Markup.Escape(IntervalText.Of(c)),
                c.Judged ? Verdict(c.Verdict) : "[grey]not judged[/]");
        }
        console.Write(table);
        foreach (var note in report.Changes.Where(c => !c.Comparison.Judged).Select(c => c.Comparison.Note).Distinct())
            console.MarkupLine($"  [grey]{Markup.Escape(note)}[/]");
        if (report.OnlyInA.Count > 0) console.MarkupLine($"  [grey]only in A: {Markup.Escape(string.Join(", ", report.OnlyInA))}[/]");
        if (report.OnlyInB.Count > 0) console.MarkupLine($"  [grey]only in B: {Markup.Escape(string.Join(", ", report.OnlyInB))}[/]");
        if (!report.AnyJudged)
            console.MarkupLine("[yellow]no verdict:[/] no change could be judged (see the notes); runs with more trials (--trials 5 or more) usually can be");
    }

    private static string Verdict(ComparisonVerdict verdict) => verdict switch
    {
        ComparisonVerdict.Better => "[green]better[/]",
        ComparisonVerdict.Worse => "[red]worse[/]",
        ComparisonVerdict.Equivalent => "[blue]equivalent[/]",
        _ => "[yellow]inconclusive[/]",
    };
}
