using System.Globalization;
using System.Text;

namespace Assay.Reporting.Charts;

/// <summary>
/// Labelled rows on one horizontal axis as an inline SVG element: a forest plot of ratios with their
/// confidence intervals, costs with their range across trials, or bars such as the SLO budget consumed.
/// </summary>
public static class IntervalChart
{
    private const int Width = 720, LabelWidth = 230, Right = 24, Top = 36, RowHeight = 26, AxisBand = 40;

    public static string Render(IntervalChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var id = Svg.Slug(spec.Id);
        var rows = spec.Rows.Where(r => double.IsFinite(r.Value)).ToList();
        var (plotLeft, plotRight, plotTop) = (LabelWidth, Width - Right, Top);
        var plotBottom = plotTop + Math.Max(1, rows.Count) * RowHeight;
        var height = plotBottom + AxisBand;

        var values = rows.SelectMany(r => new[] { r.Value, r.Low ?? r.Value, r.High ?? r.Value });
        if (spec.Reference is { } reference) values = values.Append(reference);
        if (spec.Band is { } band) values = values.Append(band.Low).Append(band.High);
        var x = Scale.For(values, plotLeft, plotRight, spec.LogX, includeZero: spec.Bars);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" id="{id}" class="chart interval-chart {id}" viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="sans-serif" font-size="11">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{Svg.Escape(spec.Title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{id}-desc">{Svg.Escape(Description(spec, rows))}</desc>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="chart-title" x="{Width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">{Svg.Escape(spec.Title)}</text>""");

        if (spec.Band is { } shaded)
            svg.Append(CultureInfo.InvariantCulture, $"""<rect class="band" x="{Svg.N(x.Pixel(shaded.Low))}" y="{plotTop}" width="{Svg.N(x.Pixel(shaded.High) - x.Pixel(shaded.Low))}" height="{plotBottom - plotTop}" fill="#eef3f8"/>""");
        svg.Append("""<g class="axis x-axis" text-anchor="middle">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{plotLeft}" x2="{plotRight}" y1="{plotBottom}" y2="{plotBottom}" stroke="#444"/>""");
        foreach (var tick in x.Ticks())
        {
            var px = Svg.N(x.Pixel(tick));
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{px}" x2="{px}" y1="{plotTop}" y2="{plotBottom}" stroke="#e0e0e0"/><text x="{px}" y="{plotBottom + 15}">{Svg.Escape(spec.FormatX(tick))}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis-title" x="{Svg.N((plotLeft + plotRight) / 2.0)}" y="{plotBottom + 32}">{Svg.Escape(spec.XTitle)}</text>""");
        svg.Append("</g>");
        if (spec.Reference is { } line)
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="reference" x1="{Svg.N(x.Pixel(line))}" x2="{Svg.N(x.Pixel(line))}" y1="{plotTop}" y2="{plotBottom}" stroke="#444" stroke-dasharray="4 3"/>""");

        if (rows.Count == 0)
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="no-data" x="{Svg.N((plotLeft + plotRight) / 2.0)}" y="{plotTop + 17}" text-anchor="middle" fill="#666">no data</text>""");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cy = plotTop + i * RowHeight + RowHeight / 2.0;
            var color = Svg.Color(i);
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="row" data-row="{Svg.Escape(row.Label)}"><title>{Svg.Escape(Tooltip(spec, row))}</title>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{plotLeft - 8}" y="{Svg.N(cy + 4)}" text-anchor="end">{Svg.Escape(Clip(row.Label, 38))}</text>""");
            if (spec.Bars)
            {
                var (from, to) = (x.Pixel(Math.Min(0, row.Value)), x.Pixel(Math.Max(0, row.Value)));
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Svg.N(from)}" y="{Svg.N(cy - 8)}" width="{Svg.N(Math.Max(0.5, to - from))}" height="16" fill="{color}" fill-opacity="0.8"/>""");
            }
            if (row.Low is { } low && row.High is { } high)
                svg.Append(CultureInfo.InvariantCulture, $"""<line class="interval" x1="{Svg.N(x.Pixel(low))}" x2="{Svg.N(x.Pixel(high))}" y1="{Svg.N(cy)}" y2="{Svg.N(cy)}" stroke="{color}" stroke-width="2"/><line x1="{Svg.N(x.Pixel(low))}" x2="{Svg.N(x.Pixel(low))}" y1="{Svg.N(cy - 5)}" y2="{Svg.N(cy + 5)}" stroke="{color}" stroke-width="2"/><line x1="{Svg.N(x.Pixel(high))}" x2="{Svg.N(x.Pixel(high))}" y1="{Svg.N(cy - 5)}" y2="{Svg.N(cy + 5)}" stroke="{color}" stroke-width="2"/>""");
            if (!spec.Bars)
                svg.Append(CultureInfo.InvariantCulture, $"""<circle class="estimate" cx="{Svg.N(x.Pixel(row.Value))}" cy="{Svg.N(cy)}" r="4.5" fill="{color}"/>""");
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Tooltip(IntervalChartSpec spec, IntervalRow row) =>
        row.Low is { } low && row.High is { } high
            ? $"{row.Label}: {spec.FormatX(row.Value)} [{spec.FormatX(low)}, {spec.FormatX(high)}]"
            : $"{row.Label}: {spec.FormatX(row.Value)}";

    private static string Description(IntervalChartSpec spec, IReadOnlyList<IntervalRow> rows) =>
        rows.Count == 0 ? $"{spec.XTitle}: no data." : $"{spec.XTitle}: " + string.Join("; ", rows.Select(r => Tooltip(spec, r))) + ".";

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
