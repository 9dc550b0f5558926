using Assay.Cli.Infrastructure;
using Assay.Storage;
using Assay.Storage.Schema;
using Spectre.Console;

namespace Assay.Cli.Composition;

/// <summary>
/// The store as the dashboard and the site builder open it: read-only, never created, upgraded or reaped. A store
/// that is missing or cannot be read is the user's to fix, so it is a message and an exit code, not a stack trace.
/// </summary>
internal static class ViewerStore
{
    public static async Task<(SqliteRunStore? Store, int ExitCode)> OpenAsync(IAnsiConsole console, LabPaths paths, CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.Database))
        {
            console.MarkupLine($"[red]error:[/] there is no run store at [blue]{Markup.Escape(paths.Database)}[/]: run an experiment first ([bold]assay run experiments/hello-app[/]), or point [bold]--state-dir[/] at a lab's state folder");
            return (null, ExitCodes.InvalidInput);
        }
        try
        {
            return (await SqliteRunStore.OpenReadOnlyAsync(paths.Database, cancellationToken), ExitCodes.Passed);
        }
        catch (Exception e) when (e is SchemaTooNewException or InvalidDataException or InvalidOperationException)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return (null, ExitCodes.InvalidInput);
        }
    }
}
