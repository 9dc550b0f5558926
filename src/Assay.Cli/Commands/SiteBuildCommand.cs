using System.ComponentModel;
using Assay.Cli.Infrastructure;
using Assay.Dashboard.Data;
using Assay.Dashboard.Site;
using Assay.Storage;
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
        if (!File.Exists(paths.Database))
        {
            console.MarkupLine($"[red]error:[/] there is no run store at [blue]{Markup.Escape(paths.Database)}[/]: run an experiment first ([bold]assay run experiments/hello-app[/]), or point [bold]--state-dir[/] at a lab's state folder");
            return ExitCodes.InvalidInput;
        }
        await using var store = await SqliteRunStore.OpenReadOnlyAsync(paths.Database, cancellationToken);
        var site = await StaticSite.WriteAsync(new DashboardReader(store), settings.Out, cancellationToken);
        console.MarkupLine($"wrote {site.Pages.Count} pages to [blue]{Markup.Escape(site.Directory)}[/]; open [blue]{Markup.Escape(Path.Combine(site.Directory, "index.html"))}[/]");
        return ExitCodes.Passed;
    }
}
