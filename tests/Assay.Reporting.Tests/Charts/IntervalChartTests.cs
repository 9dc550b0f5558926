using System.Globalization;
using AngleSharp.Html.Parser;
using Assay.Reporting.Charts;

namespace Assay.Reporting.Tests.Charts;

public sealed class IntervalChartTests
{
    private static readonly Func<double, string> Plain = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static AngleSharp.Dom.IElement Parse(string svg) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><body>{svg}</body>").QuerySelector("svg")!;

    [Fact]
    public void A_forest_plot_has_a_row_with_its_interval_per_comparison_and_the_reference_line()
    {
        var spec = new IntervalChartSpec("comparisons", "Comparisons", "ratio",
            [new("caddy ÷ nginx · throughput", 0.97, 0.93, 1.01), new("caddy ÷ nginx · latency_p99_ms", 1.2)], Plain, Reference: 1, Band: (0.95, 1.05));

        var svg = Parse(IntervalChart.Render(spec));

        Assert.Equal(2, svg.QuerySelectorAll("g.row").Length);
        Assert.Single(svg.QuerySelectorAll("line.interval"));
        Assert.Equal(2, svg.QuerySelectorAll("circle.estimate").Length);
        Assert.NotNull(svg.QuerySelector("line.reference"));
        Assert.NotNull(svg.QuerySelector("rect.band"));
        Assert.Equal("caddy ÷ nginx · throughput: 0.97 [0.93, 1.01]", svg.QuerySelector("g.row title")!.TextContent);
    }

    [Fact]
    public void Bars_start_at_zero()
    {
        var svg = Parse(IntervalChart.Render(new IntervalChartSpec("cost", "Cost", "$", [new("nginx", 0.02, 0.01, 0.03)], Plain, Bars: true)));

        Assert.Contains("0", svg.QuerySelectorAll("g.x-axis text").Select(t => t.TextContent));
        Assert.NotNull(svg.QuerySelector("g.row rect"));
    }

    [Fact]
    public void A_chart_without_rows_says_so()
    {
        var svg = Parse(IntervalChart.Render(new IntervalChartSpec("slo-budget", "Budget", "share", [], Plain)));

        Assert.NotNull(svg.QuerySelector(".no-data"));
    }
}
