using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Reporting.Report;
using Assay.Reporting.Text;
using Spectre.Console;

namespace Assay.Cli.Rendering;

/// <summary>The evidence part of the end-of-run summary: KPIs across trials, cost, SLOs, comparisons, the hypothesis.</summary>
internal static class EvidenceRenderer
{
    public static void Render(IAnsiConsole console, RunResult result)
    {
        if (result.Trials > 1) Kpis(console, result);
        Cost(console, result);
        Slos(console, result);
        Comparisons(console, result);
        Hypothesis(console, result.Hypothesis);
    }

    private static void Kpis(IAnsiConsole console, RunResult result)
    {
        var table = new Table().Border(TableBorder.Simple).Title("KPIs across trials (median and coefficient of variation; result.json has each trial)");
        table.AddColumn("Variant");
        foreach (var kpi in KpiCatalog.All) table.AddColumn(new TableColumn(kpi.Name).RightAligned());
        foreach (var v in result.Variants.Where(v => v.Kpis.Count > 0))
        {
            var cells = KpiCatalog.All.Select(k => v.Kpis.TryGetValue(k.Name, out var s)
                ? $"{Formats.Kpi(s.Median, k.Unit)} " + (s.HighVariation ? $"[yellow]±{Formats.Percent(s.Cv)}[/]" : $"[grey]±{Formats.Percent(s.Cv)}[/]")
                : "[grey]–[/]");
            table.AddRow([Markup.Escape(v.Name), .. cells]);
        }
        console.Write(table);
    }

    private static void Cost(IAnsiConsole console, RunResult result)
    {
        if (EvidenceTables.Cost(result) is { } table) ReportTableRenderer.Render(console, table);
    }

    private static void Slos(IAnsiConsole console, RunResult result)
    {
        var slos = result.Variants.SelectMany(v => v.Slos.Select(s => (v, s))).ToList();
        if (slos.Count == 0) return;
        console.MarkupLine("[bold]SLOs[/]");
        foreach (var (v, s) in slos)
        {
            var mark = s.Passed ? "[green]✓ pass[/]" : "[red]✗ FAIL[/]";
            var target = s.ThresholdMs is { } t ? $"{Formats.Number(s.Objective)}% within {Formats.Latency(t)}" : $"{Formats.Number(s.Objective)}% available";
            var sli = s.Sli is { } value ? $"SLI {value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}%" : "nothing measured";
            var budget = s.BudgetRemaining is { } r ? $", budget left {Formats.Percent(r)}, burn rate {Formats.Number(s.BurnRate ?? 0)}×" : "";
            var trials = s.TrialsFailed > 0 && s.Trials > 1 ? $" (missed in {s.TrialsFailed} of {s.Trials} trials)" : "";
            console.MarkupLine($"  {mark}  {Markup.Escape(v.Name)}  {Markup.Escape(s.Name)}: {target}: {sli}{budget}{trials}");
        }
    }

    /// <summary>The report's comparison table: the same columns, and "not judged" with its reason rather than a guessed one.</summary>
    private static void Comparisons(IAnsiConsole console, RunResult result)
    {
        if (result.Comparisons.Count > 0) ReportTableRenderer.Render(console, EvidenceTables.Comparisons(result));
    }

    private static void Hypothesis(IAnsiConsole console, HypothesisResult? hypothesis)
    {
        if (hypothesis is null) return;
        var verdict = hypothesis.Verdict switch
        {
            "validated" => "[green]validated[/]",
            "invalidated" => "[red]invalidated[/]",
            _ => "[yellow]insufficient evidence[/]",
        };
        console.MarkupLine($"[bold]Hypothesis[/]: {Markup.Escape(hypothesis.Claim)}: {verdict}");
        foreach (var c in hypothesis.Criteria)
        {
            var mark = c.Passed switch { true => "[green]✓[/]", false => "[red]✗[/]", null => "[yellow]?[/]" };
            var value = c.Value is { } v ? $" = {Formats.Number(v)}" : "";
            var interval = IntervalText.Bracket(c.CiLow, c.CiHigh) is { Length: > 0 } bracket ? " " + Markup.Escape(bracket) : "";
            var note = c.Note is null ? "" : $" [grey]({Markup.Escape(c.Note)})[/]";
            console.MarkupLine($"  {mark} {Markup.Escape(c.Description)}{value}{interval}{note}");
        }
    }
}
