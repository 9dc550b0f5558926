using Assay.Core.History;
using Assay.Core.Statistics;
using Assay.Dashboard.Pages;
using Assay.Engine.Storage;
using Assay.Testing;

namespace Assay.Dashboard.Tests;

/// <summary>The dashboard shows what assay run's summary and the report show: regressions against recent runs, and comparisons with their statistics.</summary>
public sealed class RegressionPagesTests
{
    private static readonly RunResultBuilder Builder = new() { Trials = 3, MeasuredSeconds = 2 };

    private static readonly RegressionReport Regressed = new("run-09", RegressionRule.Default, ["run-08", "run-07", "run-06"],
        [new RegressionFinding("nginx", KpiCatalog.Throughput, RegressionStatus.Regressed, 80, [100, 101, 99], 99, 101, 89.1, 111.1, 0.8, 0.78, 0.82, "below the range; the trials confirm it")]);

    [Fact]
    public void The_runs_table_marks_a_run_whose_kpis_regressed_and_a_dash_where_history_was_too_short()
    {
        var listing = new RunListing("run-09", "http-baseline", "t", Core.Results.RunStatus.Passed, DateTimeOffset.UnixEpoch, null, null, []);
        var young = new RegressionReport("run-02", RegressionRule.Default, ["run-01"],
            [new RegressionFinding("nginx", KpiCatalog.Throughput, RegressionStatus.NotEnoughHistory, 80, [], null, null, null, null, null, null, null, "not enough history (1 of 3 runs)")]);

        var html = RunsTable.Render([new RunRow(listing, "validated", Regressed), new RunRow(listing with { RunId = "run-02" }, null, young)], new PageLinks(1, StaticFiles: false), showExperiment: false);

        Assert.Contains("<span class=\"regressed\">▼ nginx throughput</span>", html, StringComparison.Ordinal);
        Assert.Contains("title=\"not enough earlier runs to judge\">–</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_page_and_its_report_show_the_run_against_its_recent_runs()
    {
        var result = Builder.Build();
        var record = Builder.BuildRecord();
        var listing = new RunListing(result.RunId, result.Experiment, result.Title, result.Status, result.StartedAt, result.EndedAt, null, []);
        var model = new RunPageModel(new StoredRun(listing, record.Directory, record.ExperimentFile, record.ExperimentText, [], result), null, Regressed);

        var page = RunPage.Render(model, new PageLinks(2, StaticFiles: false));
        var report = RunPage.Report(model)!;

        Assert.Contains("<h2>Against recent runs</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<td>REGRESSED</td>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"table-regressions\"", report, StringComparison.Ordinal);
        Assert.Contains("kind: Experiment", report, StringComparison.Ordinal); // the stored experiment text, not "not stored"
    }

    [Fact]
    public void Comparing_two_runs_gives_each_kpi_its_ratio_interval_and_verdict()
    {
        var a = Builder.Build();
        var b = (Builder with { RunId = "20261128-042613-http-baseline-9c1d", RatePerSecond = 300 }).Build();

        var html = ComparePage.Render(new ComparePageModel(a.RunId, b.RunId, a, b, null), new PageLinks(1, StaticFiles: false));

        Assert.Contains("id=\"table-run-comparison\"", html, StringComparison.Ordinal);
        Assert.Contains("<td>throughput</td>", html, StringComparison.Ordinal);
        // Three trials a side cannot reach a 95% interval: the page says so rather than inventing a verdict.
        Assert.Contains("not judged", html, StringComparison.Ordinal);
    }
}
