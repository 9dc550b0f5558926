using Assay.Core.Results;
using Assay.Reporting.Text;
using Spectre.Console;

namespace Assay.Cli.Rendering;

/// <summary>The end-of-run summary: workload, resources per component, thresholds, the evidence, problems.</summary>
internal static class ResultRenderer
{
    public static void Render(IAnsiConsole console, RunResult result)
    {
        var trials = result.Trials == 1 ? "1 trial" : $"median of {result.Trials} trials";
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(result.Title)}[/] ({Markup.Escape(result.Experiment)}) · run [blue]{Markup.Escape(result.RunId)}[/] · {Status(result.Status)} in {Formats.Seconds(result.DurationSeconds)} s");
        console.MarkupLine($"[grey]{Markup.Escape(result.Environment.Machine.CpuModel)} · {result.Environment.Machine.LogicalCpus} CPUs · accounting {result.Environment.ResourceAccounting} · {trials}[/]");

        if (result.Variants.Count > 0)
        {
            var workload = new Table().Border(TableBorder.Simple).Title("Workload (measured window, warm-up excluded)");
            foreach (var column in new[] { "Variant", "Throughput", "Requests", "Errors", "p50", "p90", "p99", "p99.9", "max" })
                workload.AddColumn(column == "Variant" ? new TableColumn(column) : new TableColumn(column).RightAligned());
            foreach (var v in result.Variants)
            {
                var w = v.Workload;
                workload.AddRow(
                    Markup.Escape(v.Name) + (w.Valid ? "" : " [red](invalid)[/]"),
                    Formats.Rate(w.Throughput),
                    Formats.Count(w.Requests),
                    w.Errors == 0 ? "0" : $"[red]{Formats.Count(w.Errors)} ({Formats.Percent(w.ErrorRate)})[/]",
                    Formats.Latency(w.LatencyMs.P50),
                    Formats.Latency(w.LatencyMs.P90),
                    Formats.Latency(w.LatencyMs.P99),
                    Formats.Latency(w.LatencyMs.P999),
                    Formats.Latency(w.LatencyMs.Max));
            }
            console.Write(workload);
            foreach (var v in result.Variants.Where(v => v.Workload.Schedule is not null))
            {
                var s = v.Workload.Schedule!;
                var verdict = s.Valid ? "[green]on schedule[/]" : "[red]behind schedule: invalid[/]";
                console.MarkupLine($"  {Markup.Escape(v.Name)}: open model {Formats.Rate(s.TargetRate)}: {Formats.Count(s.Sent)}/{Formats.Count(s.Scheduled)} sent, "
                    + $"{Formats.Count(s.LateSends)} late, {Formats.Count(s.Unsent)} unsent ({Formats.Percent(s.BehindFraction)}, {Formats.Percent(s.MaxLateFraction)} allowed), "
                    + $"lag p99 {Formats.Latency(s.LagP99Ms)}: {verdict}");
            }

            var resources = new Table().Border(TableBorder.Simple).Title("Resources (measured window)");
            foreach (var column in new[] { "Variant", "Component", "CPU-s", "avg cores", "peak mem", "avg mem" })
                resources.AddColumn(column is "Variant" or "Component" ? new TableColumn(column) : new TableColumn(column).RightAligned());
            foreach (var v in result.Variants)
            {
                var rows = v.Components.Select(c => (c, name: c.Replicas > 1 ? $"{c.Name} (×{c.Replicas})" : c.Name));
                if (v.LoadGenerator is { } l) rows = rows.Append((l, name: "load generator"));
                foreach (var (c, name) in rows)
                {
                    resources.AddRow(Markup.Escape(v.Name), Markup.Escape(name), Formats.Seconds(c.CpuSeconds), Formats.Cores(c.CpuCoresAvg),
                        Formats.Bytes(c.MemoryPeakBytes), Formats.Bytes(c.MemoryAvgBytes));
                }
            }
            console.Write(resources);
        }

        var thresholds = result.Variants.SelectMany(v => v.Thresholds.Select(t => (v, t))).ToList();
        if (thresholds.Count > 0)
        {
            console.MarkupLine("[bold]Thresholds[/]");
            foreach (var (v, t) in thresholds)
            {
                var mark = t.Passed ? "[green]✓ pass[/]" : "[red]✗ FAIL[/]";
                var trialsNote = t.TrialsFailed > 0 && result.Trials > 1 ? $" (failed in {t.TrialsFailed} of {result.Trials} trials)" : "";
                console.MarkupLine($"  {mark}  {Markup.Escape(v.Name)}  {Markup.Escape(t.Expression)}  actual {Markup.Escape(Formats.ThresholdValue(t.Actual, t.Unit))}{trialsNote}");
            }
        }

        EvidenceRenderer.Render(console, result);

        foreach (var warning in result.Warnings)
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        foreach (var issue in result.Errors)
        {
            var where = string.Join(" ", new[] { issue.Variant, issue.Trial is int t ? $"trial {t}" : null, issue.Component }.OfType<string>());
            console.MarkupLine($"[red]error[/] during {Markup.Escape(issue.Phase)} ({Markup.Escape(where)}): {Markup.Escape(issue.Message)}");
            if (!string.IsNullOrWhiteSpace(issue.LogTail)) console.WriteLine(issue.LogTail);
        }
        if (result.Message is not null && result.Status != RunStatus.Error)
            console.MarkupLine($"[grey]{Markup.Escape(result.Message)}[/]");
    }

    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Passed => "[green]passed[/]",
        RunStatus.Failed => "[red]failed[/]",
        RunStatus.Error => "[red]error[/]",
        RunStatus.Cancelled => "[yellow]cancelled[/]",
        RunStatus.Aborted => "[yellow]aborted[/]",
        _ => "[blue]running[/]",
    };
}
