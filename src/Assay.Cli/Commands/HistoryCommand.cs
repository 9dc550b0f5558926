using System.Globalization;
using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Core.Diagnostics;
using Assay.Core.History;
using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Reporting.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay history</c>: an experiment's completed runs over time, per variant and KPI: a table of medians and a
/// sparkline, each run marked where it regressed against the runs before it.
/// </summary>
internal sealed class HistoryCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<HistorySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        await using var lab = Lab.Open(settings.StateDirectory, time);
        var (store, _) = await lab.OpenStoreAsync(cancellationToken);
        var rule = RegressionRule.Default;
        // The oldest runs shown are judged against runs older still: read a window more than shown.
        var newestFirst = await store.ListResultsAsync(settings.Experiment, settings.Limit + rule.Window, cancellationToken);
        if (newestFirst.Count == 0)
        {
            var experiments = (await store.ListRunsAsync(null, 1000, cancellationToken)).Select(r => r.Experiment).Distinct().Order(StringComparer.Ordinal).ToList();
            var hint = experiments.Count == 0 ? "no experiment has runs yet: start one with [bold]assay run experiments/hello-app[/]"
                : $"experiments with runs: {Markup.Escape(string.Join(", ", experiments))}"
                    + (Suggestions.Closest(settings.Experiment, experiments) is { } close ? $"; did you mean [bold]{Markup.Escape(close)}[/]?" : "");
            console.MarkupLine($"[red]error:[/] no completed run of '{Markup.Escape(settings.Experiment)}'");
            console.MarkupLine($"  {hint}");
            return ExitCodes.InvalidInput;
        }

        var shown = newestFirst.Take(settings.Limit).Reverse().ToList();
        var findings = RegressionDetector.DetectEach(newestFirst, rule)
            .Take(settings.Limit)
            .SelectMany(report => report.Findings.Select(f => (report.RunId, f)))
            .ToDictionary(x => (x.RunId, x.f.Variant, x.f.Kpi.Name), x => x.f);
        var kpis = settings.Kpi is { } only ? [KpiCatalog.Find(only)!] : KpiCatalog.All;
        var variants = shown.SelectMany(r => r.Variants.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();

        console.MarkupLine($"[bold]{Markup.Escape(shown[^1].Title)}[/] ({Markup.Escape(settings.Experiment)}): {shown.Count} completed run(s), oldest first; "
            + "[red]▼[/] regressed against the runs before it (docs/adrs/0009)");
        foreach (var variant in variants)
        {
            var measured = kpis.Where(k => shown.Any(r => KpiSamples.Of(r, variant, k.Name).Count > 0)).ToList();
            if (measured.Count == 0) continue;
            var table = new Table().Border(TableBorder.Simple).Title($"{Markup.Escape(variant)}: median per run");
            foreach (var column in new[] { "Run", "Started (UTC)", "Status" }) table.AddColumn(column);
            foreach (var kpi in measured) table.AddColumn(new TableColumn(kpi.Name).RightAligned());
            foreach (var run in shown.Where(r => r.Variants.Any(v => v.Name == variant)))
            {
                var cells = measured.Select(k => Cell(run, variant, k, findings));
                table.AddRow([Markup.Escape(run.RunId), run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ResultRenderer.Status(run.Status), .. cells]);
            }
            console.Write(table);
            foreach (var kpi in measured) console.MarkupLine(Trend(shown, variant, kpi, findings));
            console.WriteLine();
        }
        return ExitCodes.Passed;
    }

    private static string Cell(RunResult run, string variant, KpiDefinition kpi, Dictionary<(string, string, string), RegressionFinding> findings)
    {
        var values = KpiSamples.Of(run, variant, kpi.Name);
        if (values.Count == 0) return "[grey]–[/]";
        var text = Formats.Kpi(Median.Of(values), kpi.Unit);
        return Regressed(run, variant, kpi, findings) ? $"[red]{text} ▼[/]" : text;
    }

    private static string Trend(IReadOnlyList<RunResult> shown, string variant, KpiDefinition kpi, Dictionary<(string, string, string), RegressionFinding> findings)
    {
        var points = shown
            .Select(r => (Run: r, Values: KpiSamples.Of(r, variant, kpi.Name)))
            .Where(p => p.Values.Count > 0)
            .Select(p => (p.Run, Median: Median.Of(p.Values)))
            .ToList();
        var line = Sparkline.Of([.. points.Select(p => p.Median)]);
        var marked = string.Concat(points.Select((p, i) => Regressed(p.Run, variant, kpi, findings) ? $"[red]{line[i]}[/]" : line[i].ToString()));
        var low = points.Min(p => p.Median);
        var high = points.Max(p => p.Median);
        var better = kpi.Direction == KpiDirection.HigherIsBetter ? "higher is better" : "lower is better";
        return $"  {kpi.Name,-16} {marked}  [grey]{Formats.Kpi(low, kpi.Unit)} … {Formats.Kpi(high, kpi.Unit)}, {better}[/]";
    }

    private static bool Regressed(RunResult run, string variant, KpiDefinition kpi, Dictionary<(string, string, string), RegressionFinding> findings) =>
        findings.TryGetValue((run.RunId, variant, kpi.Name), out var finding) && finding.IsRegression;
}
