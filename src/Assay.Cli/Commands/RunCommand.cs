using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Core.Results;
using Assay.Specs.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary><c>assay run</c>: validate, check the machine, run every trial, store and print the result.</summary>
internal sealed class RunCommand(IAnsiConsole console, ConsoleStreams streams, TimeProvider time) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        // With --json, stdout carries only the document; everything for people goes to stderr.
        var ui = settings.Json ? streams.Error : console;
        await using var lab = Lab.Open(settings.StateDirectory, time);

        var catalog = lab.LoadCatalog(settings.Catalogs, cancellationToken);
        if (catalog.Value is null)
        {
            DiagnosticsRenderer.Render(ui, catalog.Diagnostics);
            return ExitCodes.InvalidInput;
        }
        var prices = lab.LoadPriceBook(cancellationToken);
        if (prices.Value is null)
        {
            DiagnosticsRenderer.Render(ui, prices.Diagnostics);
            return ExitCodes.InvalidInput;
        }
        var options = new ResolveOptions(settings.ParameterValues(), settings.DurationValue(), settings.Trials) { Prices = prices.Value };
        var loaded = ExperimentLoader.Load(ExperimentPaths.Resolve(settings.Experiment, lab.Paths), options, catalog.Value, cancellationToken);
        DiagnosticsRenderer.Render(ui, loaded.Diagnostics);
        if (loaded.Value is not { } plan) return ExitCodes.InvalidInput;

        var (store, reaped) = await lab.OpenStoreAsync(cancellationToken);
        foreach (var run in reaped)
            ui.MarkupLine($"[yellow]reaped[/] run {Markup.Escape(run.RunId)} left by a killed lab (pid {run.OwnerPid}): {run.ProcessesKilled} process(es), {run.CgroupsRemoved} cgroup(s)");

        var local = new LocalRun(lab, store, ThisProgram.LoadGenerator(), settings.SampleIntervalValue());
        var problems = await local.PreflightAsync(plan, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                ui.MarkupLine($"[red]error:[/] {Markup.Escape(problem.Message)}\n  fix: [bold]{Markup.Escape(problem.Fix)}[/]");
            return ExitCodes.Infrastructure;
        }

        var workload = plan.Variants[0].Workload;
        ui.MarkupLine($"running [bold]{Markup.Escape(plan.Info.Title)}[/]: {plan.Variants.Count} variant(s) × {plan.Trials} trial(s), "
            + $"{workload.Driver} workload, warm-up {Core.Units.DurationText.Format(workload.WarmUp)}, measure {Core.Units.DurationText.Format(workload.Duration)} each");
        var (result, resultPath) = await local.RunAsync(plan, settings.Seed, new ProgressRenderer(ui, time), cancellationToken);

        if (settings.Out is not null)
        {
            var outPath = Path.GetFullPath(settings.Out);
            Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
            await File.WriteAllTextAsync(outPath, ResultJson.Serialize(result), CancellationToken.None);
        }
        if (settings.Json) streams.Out.WriteLine(ResultJson.Serialize(result));
        ResultRenderer.Render(ui, result);
        ui.MarkupLine($"result: [blue]{Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), resultPath))}[/]");
        await ReportWriter.WriteRunReportsAsync(ui, resultPath, result, plan.Source.Text);
        return ExitCodes.For(result.Status);
    }
}
