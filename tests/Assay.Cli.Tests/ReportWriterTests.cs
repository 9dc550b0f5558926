using Assay.Cli.Composition;
using Assay.Testing;
using Spectre.Console.Testing;

namespace Assay.Cli.Tests;

/// <summary>What <c>assay run</c> does after it wrote result.json: the reports beside it, their paths after the result line.</summary>
public sealed class ReportWriterTests
{
    [Fact]
    public async Task A_run_folder_gets_both_reports_and_their_charts_and_the_paths_are_printed()
    {
        using var folder = new TempFolder("run-report");
        var resultPath = folder.File("result.json");
        var console = new TestConsole().Width(400);

        await ReportWriter.WriteRunReportsAsync(console, resultPath, new RunResultBuilder().Build(), "kind: Experiment\n");

        Assert.True(File.Exists(folder.File("report.html")));
        Assert.True(File.Exists(folder.File("report.md")));
        Assert.True(File.Exists(folder.File("report-latency-spectrum.svg")));
        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("report: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("report.html", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("report.md", lines[1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_is_a_warning_that_says_how_to_write_it_later()
    {
        using var folder = new TempFolder("run-report");
        // A file where the run folder should be: the reports cannot be written into it.
        await File.WriteAllTextAsync(folder.File("run"), "");
        var console = new TestConsole().Width(400);

        await ReportWriter.WriteRunReportsAsync(console, folder.File("run", "result.json"), new RunResultBuilder().Build(), "");

        Assert.Contains("warning: the report could not be written", console.Output, StringComparison.Ordinal);
        Assert.Contains("assay report 20261127-042613-http-baseline-3f2a --out report.html", console.Output, StringComparison.Ordinal);
    }
}
