using Assay.Reporting.Markdown;
using Assay.Reporting.Report;
using Assay.Testing;

namespace Assay.Reporting.Tests.Report;

public sealed class MarkdownReportTests
{
    [Fact]
    public void The_markdown_report_of_a_fixed_run_is_stable() =>
        GoldenFile.Match(ReportFixture.Scrub(MarkdownReport.Render(ReportFixture.Result, ReportFixture.ExperimentText)), "tests", "Assay.Reporting.Tests", "Report", "golden", "report.md");

    [Fact]
    public void Every_chart_the_markdown_links_to_is_one_of_the_report_files()
    {
        var files = RunReport.Markdown(ReportFixture.Result, ReportFixture.ExperimentText);
        var markdown = files.Single(f => f.Name == RunReport.MarkdownFileName).Content;

        var charts = files.Where(f => f.Name.EndsWith(".svg", StringComparison.Ordinal)).ToList();

        Assert.Equal(8, charts.Count);
        Assert.All(charts, c => Assert.Contains($"]({c.Name})", markdown, StringComparison.Ordinal));
        Assert.All(charts, c => Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", c.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_without_evidence_leaves_out_the_cost_comparison_and_slo_sections()
    {
        var markdown = MarkdownReport.Render(new RunResultBuilder().Build());

        Assert.Contains("report-throughput.svg", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("report-cost.svg", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("report-comparisons.svg", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("report-slo-budget.svg", markdown, StringComparison.Ordinal);
        Assert.Contains("The experiment text was not stored with this run.", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("<script>", "\\<script\\>")]
    [InlineData("p(99)<250ms", "p(99)\\<250ms")]
    public void A_cell_cannot_break_the_table_or_inject_markup(string text, string expected) =>
        Assert.Equal(expected, MarkdownReport.Cell(text));

    [Fact]
    public void An_experiment_file_with_backticks_gets_a_longer_fence()
    {
        var markdown = MarkdownReport.Render(new RunResultBuilder().Build(), "description: |\n  ```\n  code\n  ```\n");

        Assert.Contains("````yaml\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("\n````\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_are_written_in_the_invariant_culture_whatever_the_current_one() =>
        Assert.Equal(
            MarkdownReport.Render(ReportFixture.Result, ReportFixture.ExperimentText),
            CommaCulture.Run(() => MarkdownReport.Render(ReportFixture.Result, ReportFixture.ExperimentText)));
}
