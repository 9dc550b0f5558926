using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Core.Catalog;
using Assay.Runtimes.Local.Deployment;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary>
/// <c>assay doctor</c>: every catalog entry, available (its binary found, its version read) or missing
/// (with the command that installs or builds it), and how this machine will account resources.
/// </summary>
internal sealed class DoctorCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<CatalogSettings>
{

    public override async Task<int> ExecuteAsync(CommandContext context, CatalogSettings settings, CancellationToken cancellationToken)
    {
        await using var lab = Lab.Open(settings.StateDirectory, time);
        var catalog = lab.LoadCatalog(settings.Catalogs, cancellationToken);
        if (catalog.Value is null)
        {
            DiagnosticsRenderer.Render(console, catalog.Diagnostics);
            return ExitCodes.InvalidInput;
        }
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "Entry", "Protocol", "Status", "Version or path", "Get it with" }) table.AddColumn(column);
        var missing = new List<CatalogEntry>();
        foreach (var entry in catalog.Value.Entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var binary = BinaryLocator.Find(entry.Binary, lab.Paths.Root);
            if (binary is null)
            {
                missing.Add(entry);
                table.AddRow(Markup.Escape(entry.Name), entry.Protocol, "[red]missing[/]", Markup.Escape(BinaryLocator.Expand(entry.Binary, lab.Paths.Root)), Markup.Escape(entry.Binary.InstallHint));
                continue;
            }
            var version = await BinaryVersion.ReadAsync(binary, entry.Binary.VersionArgs, cancellationToken);
            table.AddRow(Markup.Escape(entry.Name), entry.Protocol, "[green]available[/]", Markup.Escape(version ?? binary), "");
        }
        console.Write(table);
        console.MarkupLine($"resource accounting on this machine: [bold]{Core.Results.RunStatusText.ToText(Runtimes.Local.Cgroups.AccountingDetector.Detect().Kind)}[/]");
        if (missing.Count == 0)
        {
            console.MarkupLine($"[green]all {catalog.Value.Entries.Count} catalog entries are available[/]");
            return ExitCodes.Passed;
        }
        var packages = missing.Select(e => e.Binary.DebianPackage).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var builds = missing.Select(e => e.Binary.BuildProject).OfType<string>().Distinct().ToList();
        console.MarkupLine($"[yellow]{missing.Count} of {catalog.Value.Entries.Count} entries are missing[/]");
        if (packages.Count > 0) console.MarkupLine($"  install: [bold]apt-get install -y {Markup.Escape(string.Join(' ', packages))}[/]");
        if (builds.Count > 0) console.MarkupLine("  build:   [bold]scripts/build --force[/] (the launcher ./assay builds on first use)");
        return ExitCodes.Infrastructure;
    }
}
