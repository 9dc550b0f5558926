using System.ComponentModel;
using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Dashboard.Data;
using Assay.Dashboard.Site;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class SiteBuildSettings : LabSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("The folder to write the site into (created when missing; pages already there are overwritten)")]
    public string Out { get; set; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out is required: the folder to write the site into, e.g. --out site") : ValidationResult.Success();
}

/// <summary><c>assay site build</c>: the dashboard's pages as static files with relative links, for publishing.</summary>
internal sealed class SiteBuildCommand(IAnsiConsole console) : AsyncCommand<SiteBuildSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SiteBuildSettings settings, CancellationToken cancellationToken)
    {
        var paths = LabPaths.Resolve(settings.StateDirectory);
        var (opened, exitCode) = await ViewerStore.OpenAsync(console, paths, cancellationToken);
        if (opened is null) return exitCode;
        await using var store = opened;
        var site = await StaticSite.WriteAsync(new DashboardReader(store, snapshot: true), settings.Out, cancellationToken);
        console.MarkupLine($"wrote {site.Pages.Count} pages to [blue]{Markup.Escape(site.Directory)}[/]; open [blue]{Markup.Escape(Path.Combine(site.Directory, "index.html"))}[/]");
        return ExitCodes.Passed;
    }
}
