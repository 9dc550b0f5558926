using System.Globalization;
using System.Text;

namespace Assay.Reporting.Charts;

/// <summary>
/// A line chart as an inline SVG element (no script, no network): a titled plot with gridlines, ticked axes,
/// one coloured polyline per series and a legend. Its title and description make it readable by screen readers.
/// </summary>
public static class LineChart
{
    private const int Width = 720, Left = 72, Right = 36, Top = 36, PlotHeight = 200, AxisBand = 44, LegendRow = 18, LegendColumn = 230;

    /// <summary>How close to the plot's right end an x label is drawn ending at its tick rather than centred on it.</summary>
    private const int EdgeLabelRoom = 48;

    public static string Render(LineChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var id = Svg.Slug(spec.Id ?? spec.Title);
        var series = spec.Series.Select(s => s with { Points = [.. s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))] }).ToList();
        var perRow = Math.Max(1, (Width - Left - Right) / LegendColumn);
        var legendRows = (series.Count + perRow - 1) / perRow;
        var height = Top + PlotHeight + AxisBand + legendRows * LegendRow + 8;
        var (plotLeft, plotRight, plotTop, plotBottom) = (Left, Width - Right, Top, Top + PlotHeight);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" id="{id}" class="chart line-chart {id}" viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="sans-serif" font-size="11">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{Svg.Escape(spec.Title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{id}-desc">{Svg.Escape(Description(spec, series))}</desc>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart-title" x="{Width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">{Svg.Escape(spec.Title)}</text>""");

        var points = series.SelectMany(s => s.Points).ToList();
        var x = Scale.For(points.Select(p => p.X).Concat(spec.XTicks ?? []), plotLeft, plotRight, spec.LogX, includeZero: false);
        var y = Scale.For(points.Select(p => p.Y), plotBottom, plotTop, spec.LogY, includeZero: !spec.LogY);

        svg.Append(CultureInfo.InvariantCulture, $"""<g class="grid" stroke="#e0e0e0">""");
        foreach (var tick in y.Ticks())
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{plotLeft}" x2="{plotRight}" y1="{Svg.N(y.Pixel(tick))}" y2="{Svg.N(y.Pixel(tick))}"/>""");
        svg.Append("</g>");
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="axis y-axis" text-anchor="end">""");
        foreach (var tick in y.Ticks())
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{plotLeft - 6}" y="{Svg.N(y.Pixel(tick) + 4)}">{Svg.Escape(spec.FormatY(tick))}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis-title" transform="translate(14 {Svg.N((plotTop + plotBottom) / 2.0)}) rotate(-90)" text-anchor="middle">{Svg.Escape(spec.YTitle)}</text>""");
        svg.Append("</g>");
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="axis x-axis" text-anchor="middle">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{plotLeft}" x2="{plotRight}" y1="{plotBottom}" y2="{plotBottom}" stroke="#444"/><line x1="{plotLeft}" x2="{plotLeft}" y1="{plotTop}" y2="{plotBottom}" stroke="#444"/>""");
        foreach (var tick in (spec.XTicks ?? x.Ticks()).Where(t => t >= x.Min && t <= x.Max))
        {
            var pixel = x.Pixel(tick);
            var px = Svg.N(pixel);
            // A label centred on a tick at the plot's right end would run past the chart's edge (a date is wide): end it there.
            var anchor = pixel > plotRight - EdgeLabelRoom ? " text-anchor=\"end\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{px}" x2="{px}" y1="{plotBottom}" y2="{plotBottom + 4}" stroke="#444"/><text x="{px}" y="{plotBottom + 16}"{anchor}>{Svg.Escape(spec.FormatX(tick))}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis-title" x="{Svg.N((plotLeft + plotRight) / 2.0)}" y="{plotBottom + 34}">{Svg.Escape(spec.XTitle)}</text>""");
        svg.Append("</g>");

        if (points.Count == 0)
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="no-data" x="{Svg.N((plotLeft + plotRight) / 2.0)}" y="{Svg.N((plotTop + plotBottom) / 2.0)}" text-anchor="middle" fill="#666">no data</text>""");
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            if (s.Points.Count == 0) continue;
            var dash = Svg.Dash(i) is { } d ? $""" stroke-dasharray="{d}" """ : " ";
            var line = string.Join(' ', s.Points.Select(p => $"{Svg.N(x.Pixel(p.X))},{Svg.N(y.Pixel(p.Y))}"));
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="series" data-series="{Svg.Escape(s.Name)}"><title>{Svg.Escape(s.Name)}</title>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{Svg.Color(i)}" stroke-width="1.8"{dash}points="{line}"/>""");
            if (s.Points.Count <= 12)
                foreach (var p in s.Points)
                    svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{Svg.N(x.Pixel(p.X))}" cy="{Svg.N(y.Pixel(p.Y))}" r="2.5" fill="{Svg.Color(i)}"/>""");
            svg.Append("</g>");
        }

        svg.Append("""<g class="legend">""");
        for (var i = 0; i < series.Count; i++)
        {
            var (lx, ly) = (Left + i % perRow * LegendColumn, plotBottom + AxisBand + i / perRow * LegendRow);
            var dash = Svg.Dash(i) is { } d ? $""" stroke-dasharray="{d}" """ : " ";
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{lx}" x2="{lx + 22}" y1="{ly}" y2="{ly}" stroke="{Svg.Color(i)}" stroke-width="3"{dash}/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{lx + 28}" y="{ly + 4}">{Svg.Escape(Clip(series[i].Name, 34))}</text>""");
        }
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static string Description(LineChartSpec spec, IReadOnlyList<ChartSeries> series) =>
        series.Count == 0
            ? $"{spec.YTitle} against {spec.XTitle}: no data."
            : $"{spec.YTitle} against {spec.XTitle}{(spec.LogX ? " (logarithmic)" : "")}, one line each for {string.Join(", ", series.Select(s => s.Name))}.";

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
