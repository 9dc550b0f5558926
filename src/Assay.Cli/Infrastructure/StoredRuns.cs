using Assay.Engine.Storage;
using Spectre.Console;

namespace Assay.Cli.Infrastructure;

/// <summary>Finds a stored run that completed, by id or prefix, and says what to do when there is none.</summary>
internal static class StoredRuns
{
    /// <summary>The run with its result document, or null after printing why it cannot be used.</summary>
    public static async Task<StoredRun?> FindCompletedAsync(IRunStore store, string idOrPrefix, IAnsiConsole console, CancellationToken cancellationToken)
    {
        StoredRun? run;
        try
        {
            run = await store.FindRunAsync(idOrPrefix, cancellationToken);
        }
        catch (AmbiguousRunIdException ex)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}; give more of the id");
            return null;
        }
        if (run is null)
        {
            console.MarkupLine($"[red]error:[/] no run matches '{Markup.Escape(idOrPrefix)}'; list runs with [bold]assay runs[/]");
            return null;
        }
        if (run.Result is null)
        {
            var id = Markup.Escape(run.Listing.RunId);
            console.MarkupLine($"[red]error:[/] run {id} is {Markup.Escape(run.Listing.Status.ToString().ToLowerInvariant())} and has no result document"
                + (run.Listing.Message is { } message ? $" ({Markup.Escape(message)})" : "")
                + $"; see what happened with [bold]assay show {id}[/], or pick a completed run from [bold]assay runs[/]");
            return null;
        }
        return run;
    }
}
