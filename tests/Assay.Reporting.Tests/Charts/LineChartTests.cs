using System.Globalization;
using AngleSharp.Html.Parser;
using Assay.Reporting.Charts;
using Assay.Testing;

namespace Assay.Reporting.Tests.Charts;

public sealed class LineChartTests
{
    private static readonly Func<double, string> Plain = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static AngleSharp.Dom.IElement Parse(string svg) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><body>{svg}</body>").QuerySelector("svg")!;

    [Fact]
    public void A_chart_has_a_title_a_description_ticked_axes_and_a_legend()
    {
        var spec = new LineChartSpec("Throughput", "second", "requests/s",
            [new("nginx", [new(0, 390), new(1, 410)]), new("caddy", [new(0, 350), new(1, 360)])], Plain, Plain) { Id = "throughput" };

        var svg = Parse(LineChart.Render(spec));

        Assert.Equal("throughput", svg.Id);
        Assert.Equal("Throughput", svg.QuerySelector("title")!.TextContent);
        Assert.Contains("nginx, caddy", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("400", svg.QuerySelectorAll("g.y-axis text").Select(t => t.TextContent));
        Assert.Equal(["nginx", "caddy"], svg.QuerySelectorAll("g.legend text").Select(t => t.TextContent));
        Assert.NotEqual(svg.QuerySelectorAll("polyline")[0].GetAttribute("stroke"), svg.QuerySelectorAll("polyline")[1].GetAttribute("stroke"));
    }

    [Fact]
    public void On_a_log_x_axis_each_decade_is_as_wide_as_the_next()
    {
        var spec = new LineChartSpec("Latency by percentile", "percentile", "latency",
            [new("nginx", [new(2, 1), new(10, 2), new(100, 3), new(1_000, 4)])], Plain, Plain) { LogX = true, XTicks = [10, 100, 1_000] };

        var svg = Parse(LineChart.Render(spec));

        var xs = svg.QuerySelector("polyline")!.GetAttribute("points")!.Split(' ').Select(p => double.Parse(p.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs[2] - xs[1], xs[3] - xs[2], 0.2);
        Assert.Equal(["10", "100", "1000", "percentile"], svg.QuerySelectorAll("g.x-axis text").Select(t => t.TextContent));
    }

    [Fact]
    public void A_chart_without_points_says_so_instead_of_failing()
    {
        var svg = Parse(LineChart.Render(new LineChartSpec("Errors", "second", "errors/s", [new("nginx", [])], Plain, Plain)));

        Assert.Equal("no data", svg.QuerySelector(".no-data")!.TextContent);
        Assert.Empty(svg.QuerySelectorAll("polyline"));
    }

    [Fact]
    public void A_chart_without_series_says_so()
    {
        var svg = Parse(LineChart.Render(new LineChartSpec("CPU", "second", "cores", [], Plain, Plain)));

        Assert.NotNull(svg.QuerySelector(".no-data"));
    }

    [Fact]
    public void Points_that_are_not_finite_are_left_out()
    {
        var svg = Parse(LineChart.Render(new LineChartSpec("T", "x", "y", [new("s", [new(0, 1), new(1, double.NaN), new(2, double.PositiveInfinity), new(3, 2)])], Plain, Plain)));

        Assert.Equal(2, svg.QuerySelector("polyline")!.GetAttribute("points")!.Split(' ').Length);
    }

    [Fact]
    public void Titles_names_and_labels_are_escaped()
    {
        var spec = new LineChartSpec("<b>\"bold\" & co</b>", "x<", "y&", [new("a<script>", [new(0, 1)])], _ => "<x>", _ => "&y") { Id = "x" };

        var text = LineChart.Render(spec);
        var svg = Parse(text);

        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        Assert.Equal("<b>\"bold\" & co</b>", svg.QuerySelector("title")!.TextContent);
        Assert.Equal("a<script>", svg.QuerySelector("g.series")!.GetAttribute("data-series"));
        Assert.Contains("<x>", svg.QuerySelectorAll("g.x-axis text").Select(t => t.TextContent));
    }

    [Fact]
    public void Coordinates_are_invariant_whatever_the_current_culture()
    {
        var spec = new LineChartSpec("T", "x", "y", [new("s", [new(0.25, 1.5), new(1.75, 2.25)])], Plain, Plain);

        Assert.Equal(LineChart.Render(spec), CommaCulture.Run(() => LineChart.Render(spec)));
    }

    [Fact]
    public void More_series_than_colours_repeat_a_colour_with_a_dash()
    {
        var series = Enumerable.Range(0, 9).Select(i => new ChartSeries($"s{i}", [new(0, i), new(1, i)])).ToList();

        var lines = Parse(LineChart.Render(new LineChartSpec("T", "x", "y", series, Plain, Plain))).QuerySelectorAll("polyline");

        Assert.Equal(lines[0].GetAttribute("stroke"), lines[8].GetAttribute("stroke"));
        Assert.Null(lines[0].GetAttribute("stroke-dasharray"));
        Assert.NotNull(lines[8].GetAttribute("stroke-dasharray"));
    }
}
