using System.Globalization;
using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Core.Plans;
using Assay.Core.Slo;
using Assay.Core.Units;
using Assay.Reporting.Slo;
using Assay.Specs.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay slo rules</c>: Prometheus recording rules and burn-rate alerts for an experiment's SLO, to watch
/// the chosen technology in production with the same objective the experiment judged it by.
/// </summary>
internal sealed class SloRulesCommand(IAnsiConsole console, ConsoleStreams streams, TimeProvider time) : AsyncCommand<SloRulesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SloRulesSettings settings, CancellationToken cancellationToken)
    {
        // Without --out, stdout carries only the rules; everything for people goes to stderr.
        var ui = settings.Out is null ? streams.Error : console;
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
        var options = new ResolveOptions(settings.ParameterValues(), null, null) { Prices = prices.Value };
        var loaded = ExperimentLoader.Load(ExperimentPaths.Resolve(settings.Experiment, lab.Paths), options, catalog.Value, cancellationToken);
        DiagnosticsRenderer.Render(ui, loaded.Diagnostics);
        if (loaded.Value is not { } plan) return ExitCodes.InvalidInput;

        var slo = SloRulesSelection.Choose(DeclaredSlos(plan), settings, out var sloProblems);
        if (slo is null) return Fail(ui, sloProblems);
        var sli = PrometheusSli.Create(slo, settings.Metric!, settings.Selectors(), settings.ErrorMatcher(), settings.Le, out var sliProblems);
        if (sli is null) return Fail(ui, sliProblems);

        var set = new SloRuleSet(settings.Service ?? plan.Info.Name, slo, sli);
        var rules = PrometheusRules.Write([set], settings.Experiment);
        if (settings.Out is null)
        {
            await streams.Out.WriteAsync(rules.AsMemory(), cancellationToken);
            await streams.Out.FlushAsync(cancellationToken);
            return ExitCodes.Passed;
        }
        var outPath = Path.GetFullPath(settings.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllTextAsync(outPath, rules, cancellationToken);
        ui.MarkupLine($"wrote rules for SLO [bold]{Markup.Escape(set.Id)}[/] ({Markup.Escape(Describe(slo))}) to [blue]{Markup.Escape(settings.Out)}[/]");
        ui.MarkupLine($"[grey]check them with [bold]promtool check rules {Markup.Escape(settings.Out)}[/], then add the file to rule_files in prometheus.yml[/]");
        return ExitCodes.Passed;
    }

    /// <summary>The SLOs the experiment declares (<c>spec.slos</c>): <c>--slo NAME</c> picks one, the other SLO options override it.</summary>
    private static IReadOnlyList<SloPlan> DeclaredSlos(ExperimentPlan plan) => plan.Slos;

    private static string Describe(SloPlan slo) => slo.Kind == SloKind.Latency
        ? string.Create(CultureInfo.InvariantCulture, $"{slo.Objective}% within {DurationText.Format(slo.Threshold!.Value)}")
        : string.Create(CultureInfo.InvariantCulture, $"{slo.Objective}% available");

    private static int Fail(IAnsiConsole ui, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
            ui.MarkupLine($"[red]error:[/] {Markup.Escape(problem)}");
        return ExitCodes.InvalidInput;
    }
}
