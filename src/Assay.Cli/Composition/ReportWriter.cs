using Assay.Core.Results;
using Assay.Reporting.Report;
using Spectre.Console;

namespace Assay.Cli.Composition;

/// <summary>
/// Writes a run's report files (Reporting makes them as text): into the run folder after <c>assay run</c>, or where
/// <c>assay report --out</c> says.
/// </summary>
internal static class ReportWriter
{
    /// <summary>Writes every file into a folder (made if missing), replacing older copies; returns their paths in order.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, IReadOnlyList<ReportFile> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.Name);
            await File.WriteAllTextAsync(path, file.Content, cancellationToken);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>
    /// After a run: writes <c>report.html</c>, <c>report.md</c> and its charts beside <c>result.json</c> and prints
    /// the two reports' paths. A report that cannot be written is a warning, not a failed run: the result is stored.
    /// </summary>
    public static async Task WriteRunReportsAsync(IAnsiConsole ui, string resultPath, RunResult result, string experimentText)
    {
        try
        {
            // Not cancellable, like result.json: a run stopped with Ctrl-C still gets the report of what it measured.
            var directory = Path.GetDirectoryName(Path.GetFullPath(resultPath))!;
            await WriteAsync(directory, RunReport.All(result, experimentText), CancellationToken.None);
            foreach (var name in new[] { RunReport.HtmlFileName, RunReport.MarkdownFileName })
                ui.MarkupLine($"report: [blue]{Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(directory, name)))}[/]");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ui.MarkupLine($"[yellow]warning:[/] the report could not be written ({Markup.Escape(ex.Message)}); write it later with [bold]assay report {Markup.Escape(result.RunId)} --out report.html[/]");
        }
    }
}
