using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Specs.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary><c>assay list</c>: the experiments shipped under experiments/, with their titles.</summary>
internal sealed class ListCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<EmptyCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellationToken)
    {
        await using var lab = Lab.Open(null, time);
        var catalog = lab.LoadCatalog([], cancellationToken);
        var prices = lab.LoadPriceBook(cancellationToken).Value;
        var table = new Table().Border(TableBorder.Simple).AddColumn("Experiment").AddColumn("Title").AddColumn("Run with");
        IEnumerable<string> folders = Directory.Exists(lab.Paths.Experiments)
            ? Directory.GetDirectories(lab.Paths.Experiments).Where(d => File.Exists(Path.Combine(d, "experiment.yaml"))).Order(StringComparer.Ordinal)
            : [];
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            var title = catalog.Value is null ? null : ExperimentLoader.Validate(folder, catalog.Value, prices, cancellationToken).Value?.Spec?.Title?.Text;
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), folder);
            table.AddRow(Markup.Escape(name), Markup.Escape(title ?? "(invalid: run assay validate)"), Markup.Escape($"assay run {relative}"));
        }
        console.Write(table);
        return ExitCodes.Passed;
    }
}
