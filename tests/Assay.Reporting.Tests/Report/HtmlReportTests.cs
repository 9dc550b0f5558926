using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Assay.Reporting.Html;
using Assay.Testing;

namespace Assay.Reporting.Tests.Report;

/// <summary>The HTML report parsed as a browser parses it: every chart and table is there, and nothing is fetched.</summary>
public sealed class HtmlReportTests
{
    private static readonly IDocument Document = new HtmlParser().ParseDocument(HtmlReport.Render(ReportFixture.Result, ReportFixture.ExperimentText));

    [Theory]
    [InlineData("throughput")]
    [InlineData("errors")]
    [InlineData("latency-spectrum")]
    [InlineData("cpu")]
    [InlineData("memory")]
    [InlineData("cost")]
    [InlineData("comparisons")]
    [InlineData("slo-budget")]
    public void Each_chart_is_an_inline_svg_with_a_title(string id)
    {
        var svg = Document.QuerySelector($"#charts svg#{id}.chart");

        Assert.NotNull(svg);
        Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent));
        Assert.Equal("img", svg.GetAttribute("role"));
    }

    [Fact]
    public void Each_line_chart_has_a_line_and_a_legend_entry_per_variant()
    {
        foreach (var id in new[] { "throughput", "latency-spectrum" })
        {
            var svg = Document.QuerySelector($"svg#{id}")!;
            Assert.Equal(["nginx", "caddy"], svg.QuerySelectorAll("g.series").Select(g => g.GetAttribute("data-series")));
            Assert.Equal(2, svg.QuerySelectorAll("g.legend text").Length);
            Assert.Equal(2, svg.QuerySelectorAll("polyline").Select(p => p.GetAttribute("stroke")).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("criteria")]
    [InlineData("thresholds")]
    [InlineData("workload")]
    [InlineData("kpis")]
    [InlineData("resources")]
    [InlineData("cost")]
    [InlineData("comparisons")]
    [InlineData("slos")]
    [InlineData("environment")]
    public void Each_table_is_there_with_rows(string id)
    {
        var table = Document.QuerySelector($"table#table-{id}");

        Assert.NotNull(table);
        Assert.NotEmpty(table.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public void The_summary_and_verdict_come_before_the_charts()
    {
        var sections = Document.QuerySelectorAll("body > section").Select(s => s.Id).ToList();

        Assert.Equal(["summary", "charts", "figures", "environment", "experiment"], sections);
        Assert.Contains("validated", Document.QuerySelector("#summary .verdict")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("passed", Document.QuerySelector("#summary .status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_experiment_file_is_shown_as_run()
    {
        Assert.Equal(ReportFixture.ExperimentText, Document.QuerySelector("pre.experiment-file")!.TextContent);
        Assert.Contains(ReportFixture.Result.ExperimentFile, Document.QuerySelector("#experiment")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void It_references_no_resource_it_would_have_to_fetch()
    {
        Assert.Empty(Document.QuerySelectorAll("script, link, iframe, img, object, embed"));
        var references = Document.All
            .SelectMany(e => e.Attributes)
            .Where(a => a.LocalName is "src" or "href" or "srcset" or "data" or "action" || a.LocalName.EndsWith(":href", StringComparison.Ordinal))
            .Select(a => a.Value)
            .ToList();
        Assert.DoesNotContain(references, r => r.Contains("http:", StringComparison.OrdinalIgnoreCase) || r.Contains("https:", StringComparison.OrdinalIgnoreCase) || r.StartsWith("//", StringComparison.Ordinal));
        var css = string.Concat(Document.QuerySelectorAll("style").Select(s => s.TextContent))
            + string.Concat(Document.All.Select(e => e.GetAttribute("style") ?? ""));
        Assert.DoesNotContain("url(", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", css, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_contract_overload_renders_a_whole_document_without_the_experiment_text()
    {
        var document = new HtmlParser().ParseDocument(HtmlReport.Render(new RunResultBuilder().Build()));

        Assert.Equal("HTTP baseline: nginx or caddy in front of the demo app (20261127-042613-http-baseline-3f2a)", document.Title);
        Assert.NotNull(document.QuerySelector("svg#throughput"));
        Assert.Null(document.QuerySelector("svg#cost"));
        Assert.Null(document.QuerySelector("pre.experiment-file"));
    }

    [Fact]
    public void Text_from_the_result_is_escaped()
    {
        var result = new RunResultBuilder { Title = "<script>alert(1)</script> & co", Variants = ["a<b", "c\"d"] }.Build();

        var document = new HtmlParser().ParseDocument(HtmlReport.Render(result, "x: <y>"));

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal("<script>alert(1)</script> & co", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(["a<b", "c\"d"], document.QuerySelectorAll("svg#throughput g.series").Select(g => g.GetAttribute("data-series")));
        Assert.Equal("x: <y>", document.QuerySelector("pre.experiment-file")!.TextContent);
    }
}
