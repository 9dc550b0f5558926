using System.ComponentModel;
using System.Text.Json;
using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Core.Results;
using Assay.Reporting.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class RunsSettings : LabSettings
{
    [CommandOption("-e|--experiment <NAME>")]
    [Description("Only runs of this experiment")]
    public string? Experiment { get; set; }

    [CommandOption("-n|--limit <N>")]
    [Description("How many runs, newest first")]
    [DefaultValue(20)]
    public int Limit { get; set; } = 20;

    [CommandOption("--json")]
    [Description("Prints the listing as JSON")]
    public bool Json { get; set; }

    public override ValidationResult Validate() =>
        Limit < 1 ? ValidationResult.Error("--limit must be at least 1") : ValidationResult.Success();
}

/// <summary><c>assay runs</c>: past runs, newest first, with their status and headline figures.</summary>
internal sealed class RunsCommand(IAnsiConsole console, ConsoleStreams streams, TimeProvider time) : AsyncCommand<RunsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunsSettings settings, CancellationToken cancellationToken)
    {
        await using var lab = Lab.Open(settings.StateDirectory, time);
        var (store, reaped) = await lab.OpenStoreAsync(cancellationToken);
        foreach (var run in reaped)
            streams.Error.MarkupLine($"[yellow]reaped[/] run {Markup.Escape(run.RunId)} left by a killed lab (pid {run.OwnerPid})");
        var runs = await store.ListRunsAsync(settings.Experiment, settings.Limit, cancellationToken);
        if (settings.Json)
        {
            streams.Out.WriteLine(JsonSerializer.Serialize(runs, ResultJson.Options));
            return ExitCodes.Passed;
        }
        if (runs.Count == 0)
        {
            console.MarkupLine("no runs yet: start one with [bold]assay run experiments/hello-app[/]");
            return ExitCodes.Passed;
        }
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "Run", "Experiment", "Started (UTC)", "Status", "Variants: throughput · p99" }) table.AddColumn(column);
        foreach (var run in runs)
        {
            var headlines = string.Join("; ", run.Variants.Select(v => $"{v.Name}: {Formats.Rate(v.Throughput)} · {Formats.Latency(v.P99Ms)}"));
            table.AddRow(
                Markup.Escape(run.RunId),
                Markup.Escape(run.Experiment),
                run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ResultRenderer.Status(run.Status),
                Markup.Escape(headlines.Length > 0 ? headlines : run.Message ?? ""));
        }
        console.Write(table);
        return ExitCodes.Passed;
    }
}
