using Assay.Cli.Composition;
using Assay.Cli.Infrastructure;
using Assay.Core.History;
using Assay.Core.Results;
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
        if (await StoredRuns.FindCompletedAsync(store, settings.Run, console, cancellationToken) is not { Result: { } result } run)
            return ExitCodes.InvalidInput;
        var regressions = await RunHistory.RegressionsAsync(store, result, cancellationToken);

        var files = Files(settings.Format, result, run.ExperimentText, regressions);
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

    private static IReadOnlyList<ReportFile> Files(string format, RunResult result, string experimentText, RegressionReport regressions) => format switch
    {
        "md" => RunReport.Markdown(result, experimentText, regressions),
        "json" => [new ReportFile("result.json", ResultJson.Serialize(result) + "\n")],
        _ => RunReport.Html(result, experimentText, regressions),
    };
}
