using System.ComponentModel;
using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Specs.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class ValidateSettings : CatalogSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Experiment files or folders to check; every problem of every file is listed")]
    public string[] Files { get; set; } = [];
}

/// <summary><c>assay validate</c>: parse and check experiment files without running anything.</summary>
internal sealed class ValidateCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<ValidateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        await using var lab = Lab.Open(settings.StateDirectory, time);
        var catalog = lab.LoadCatalog(settings.Catalogs, cancellationToken);
        if (catalog.Value is null)
        {
            DiagnosticsRenderer.Render(console, catalog.Diagnostics);
            return ExitCodes.InvalidInput;
        }
        var prices = lab.LoadPriceBook(cancellationToken);
        if (prices.Value is null)
        {
            DiagnosticsRenderer.Render(console, prices.Diagnostics);
            return ExitCodes.InvalidInput;
        }
        var failed = 0;
        foreach (var file in settings.Files)
        {
            var outcome = ExperimentLoader.Validate(ExperimentPaths.Resolve(file, lab.Paths), catalog.Value, prices.Value, cancellationToken);
            DiagnosticsRenderer.Render(console, outcome.Diagnostics);
            if (outcome.HasErrors)
            {
                failed++;
                console.MarkupLine($"[red]✗[/] {Markup.Escape(file)}: {outcome.Errors.Count()} error(s)");
            }
            else
            {
                console.MarkupLine($"[green]✓[/] {Markup.Escape(file)}");
            }
        }
        return failed == 0 ? ExitCodes.Passed : ExitCodes.InvalidInput;
    }
}
