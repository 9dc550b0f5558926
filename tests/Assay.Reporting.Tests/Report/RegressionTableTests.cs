using AngleSharp.Html.Parser;
using Assay.Core.History;
using Assay.Core.Statistics;
using Assay.Reporting.Html;
using Assay.Reporting.Markdown;
using Assay.Reporting.Report;

namespace Assay.Reporting.Tests.Report;

public sealed class RegressionTableTests
{
    private static RegressionFinding Finding(RegressionStatus status, double median, string note) => new(
        "nginx", KpiCatalog.Throughput, status, median, [100, 101, 99], 99, 101, 89.1, 111.1,
        status == RegressionStatus.Regressed ? 0.8 : null, status == RegressionStatus.Regressed ? 0.78 : null, status == RegressionStatus.Regressed ? 0.82 : null, note);

    private static readonly RegressionReport Regressed = new("run-09", RegressionRule.Default, ["run-08", "run-07", "run-06"],
    [
        Finding(RegressionStatus.Regressed, 80, "below the range; the trials confirm it"),
        Finding(RegressionStatus.Steady, 100, "within the range") with { Variant = "caddy" },
    ]);

    [Fact]
    public void A_regression_is_a_row_with_its_range_and_ratio_and_steady_kpis_are_left_out()
    {
        var table = RegressionTable.For(Regressed);

        Assert.Equal("regressions", table.Id);
        Assert.Contains("1 regression(s) against the last 3 comparable run(s)", table.Title, StringComparison.Ordinal);
        var row = Assert.Single(table.Rows);
        Assert.Equal(["nginx", "throughput", "REGRESSED", "80.0/s", "99.0/s – 101.0/s", "0.8 [0.78, 0.82]", "below the range; the trials confirm it"], row);
    }

    [Fact]
    public void Without_enough_history_the_table_is_empty_and_says_why()
    {
        var report = new RegressionReport("run-02", RegressionRule.Default, ["run-01"],
            [Finding(RegressionStatus.NotEnoughHistory, 80, "not enough history (1 of 3 runs)")]);

        var table = RegressionTable.For(report);

        Assert.Empty(table.Rows);
        Assert.Contains("nothing judged", table.Title, StringComparison.Ordinal);
        Assert.Equal(["not enough history (1 of 3 runs) of this experiment with these parameters"], table.Notes);
    }

    [Fact]
    public void The_html_and_markdown_reports_show_the_regressions_in_their_summary_only_when_given()
    {
        var html = new HtmlParser().ParseDocument(HtmlReport.Render(ReportFixture.Result, ReportFixture.ExperimentText, Regressed));
        var markdown = MarkdownReport.Render(ReportFixture.Result, ReportFixture.ExperimentText, Regressed);

        Assert.Contains("REGRESSED", html.QuerySelector("#summary table#table-regressions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("| nginx | throughput | REGRESSED |", markdown, StringComparison.Ordinal);
        Assert.Null(new HtmlParser().ParseDocument(HtmlReport.Render(ReportFixture.Result)).QuerySelector("#table-regressions"));
    }
}
