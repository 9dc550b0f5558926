using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Core.Results;
using Assay.Engine.Storage;
using Assay.Reporting.Report;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Assay.Cli.Commands;

/// <summary><c>assay report</c>: one stored run's report, as HTML, Markdown or the result document.</summary>
internal sealed class ReportCommand(IAnsiConsole console, ConsoleStreams streams, TimeProvider time) : AsyncCommand<ReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
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
        if (run.Result is not { } result)
        {
            console.MarkupLine($"[red]error:[/] run {Markup.Escape(run.Listing.RunId)} is {Markup.Escape(run.Listing.Status.ToString().ToLowerInvariant())} and has no result document to report; see what happened with [bold]assay show {Markup.Escape(run.Listing.RunId)}[/]");
            return ExitCodes.InvalidInput;
        }

        var files = Files(settings.Format, result, run.ExperimentText);
        if (settings.Out is null)
        {
            // Standard output gets the report itself; the Markdown's charts are the ones assay run wrote into the run folder.
            streams.Out.Write(files[0].Content);
            return ExitCodes.Passed;
        }
        var path = Path.GetFullPath(settings.Out);
        // The main file takes the name asked for; chart files keep theirs, beside it, where the Markdown links to them.
        var named = files.Select((f, i) => i == 0 ? f with { Name = Path.GetFileName(path) } : f).ToList();
        await ReportWriter.WriteAsync(Path.GetDirectoryName(path)!, named, cancellationToken);
        console.MarkupLine($"report: [blue]{Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), path))}[/]"
            + (named.Count > 1 ? $" and {named.Count - 1} chart(s) beside it" : ""));
        return ExitCodes.Passed;
    }

    private static IReadOnlyList<ReportFile> Files(string format, RunResult result, string experimentText) => format switch
    {
        "md" => RunReport.Markdown(result, experimentText),
        "json" => [new ReportFile("result.json", ResultJson.Serialize(result) + "\n")],
        _ => RunReport.Html(result, experimentText),
    };
}
