using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Core.History;
using Assay.Core.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary><c>assay compare</c>: how run B differs from run A, variant by variant and KPI by KPI, with verdicts.</summary>
internal sealed class CompareCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<CompareSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        await using var lab = Lab.Open(settings.StateDirectory, time);
        var (store, _) = await lab.OpenStoreAsync(cancellationToken);
        if (await StoredRuns.FindCompletedAsync(store, settings.RunA, console, cancellationToken) is not { Result: { } a }) return ExitCodes.InvalidInput;
        if (await StoredRuns.FindCompletedAsync(store, settings.RunB, console, cancellationToken) is not { Result: { } b }) return ExitCodes.InvalidInput;
        if (a.Experiment != b.Experiment)
            console.MarkupLine($"[yellow]warning:[/] the runs are of different experiments ({Markup.Escape(a.Experiment)}, {Markup.Escape(b.Experiment)}): variants of the same name may not be the same setup");

        var report = RunComparer.Compare(a, b, new ComparisonPlan(settings.Confidence, settings.Margin));
        if (report.Variants.Count == 0)
        {
            console.MarkupLine($"[red]error:[/] the runs share no variant (A has {Markup.Escape(string.Join(", ", report.OnlyInA))}; B has {Markup.Escape(string.Join(", ", report.OnlyInB))})");
            return ExitCodes.InvalidInput;
        }
        RunComparisonRenderer.Render(console, report);
        return ExitCodes.Passed;
    }
}
