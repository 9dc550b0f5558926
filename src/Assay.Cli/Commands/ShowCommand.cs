using System.ComponentModel;
using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Cli.Rendering;
using Assay.Core.Results;
using Assay.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

public sealed class ShowSettings : LabSettings
{
    [CommandArgument(0, "<RUN>")]
    [Description("A run id, or a unique prefix of one (see assay runs)")]
    public string Run { get; set; } = "";

    [CommandOption("--json")]
    [Description("Prints the stored result document")]
    public bool Json { get; set; }
}

/// <summary><c>assay show</c>: one stored run, as <c>assay run</c> printed it, or its document.</summary>
internal sealed class ShowCommand(IAnsiConsole console, ConsoleStreams streams, TimeProvider time) : AsyncCommand<ShowSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ShowSettings settings, CancellationToken cancellationToken)
    {
        await using var lab = Lab.Open(settings.StateDirectory, time);
        var (store, _) = await lab.OpenStoreAsync(cancellationToken);
        StoredRun? run;
        try
        {
            run = await store.FindRunAsync(settings.Run, cancellationToken);
        }
        catch (AmbiguousRunIdException ex)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}; give more of the id");
            return ExitCodes.InvalidInput;
        }
        if (run is null)
        {
            console.MarkupLine($"[red]error:[/] no run matches '{Markup.Escape(settings.Run)}'; list runs with [bold]assay runs[/]");
            return ExitCodes.InvalidInput;
        }
        if (run.Result is null)
        {
            var listing = run.Listing;
            console.MarkupLine($"run [blue]{Markup.Escape(listing.RunId)}[/] ({Markup.Escape(listing.Experiment)}) {ResultRenderer.Status(listing.Status)}: {Markup.Escape(listing.Message ?? "no result document")}");
            foreach (var phase in run.Phases)
                console.MarkupLine($"  {phase.At.UtcDateTime:HH:mm:ss.fff} {phase.Phase}{(phase.Trial is int t ? $" trial {t} {Markup.Escape(phase.Variant ?? "")}" : "")}");
            return ExitCodes.Passed;
        }
        if (settings.Json)
        {
            streams.Out.WriteLine(ResultJson.Serialize(run.Result));
            return ExitCodes.Passed;
        }
        ResultRenderer.Render(console, run.Result);
        console.MarkupLine($"folder: [blue]{Markup.Escape(run.Directory)}[/]");
        return ExitCodes.Passed;
    }
}
