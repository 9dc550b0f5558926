using System.Globalization;
using System.Net;
using System.Text;

namespace Assay.Reporting.Charts;

/// <summary>A line chart as an inline SVG element (no script, no network): one polyline per series.</summary>
public static class LineChart
{
    private const int Width = 640, Height = 240, Left = 60, Right = 10, Top = 24, Bottom = 36;

    public static string Render(LineChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var points = spec.Series.SelectMany(s => s.Points).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="chart line-chart" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Escape(spec.Title)}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title>{Escape(spec.Title)}</title>""");
        if (points.Count > 0)
        {
            var (x0, x1) = Range(points.Select(p => p.X));
            var (y0, y1) = Range(points.Select(p => p.Y).Append(0));
            double X(double x) => Left + (x - x0) / (x1 - x0) * (Width - Left - Right);
            double Y(double y) => Height - Bottom - (y - y0) / (y1 - y0) * (Height - Top - Bottom);
            foreach (var series in spec.Series)
            {
                var line = string.Join(' ', series.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Y):0.#}")));
                svg.Append(CultureInfo.InvariantCulture, $"""<polyline class="series" data-series="{Escape(series.Name)}" fill="none" stroke="currentColor" points="{line}"/>""");
            }
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="{Height - 8}">{Escape(spec.FormatX(x0))}</text><text x="{Width - Right}" y="{Height - 8}" text-anchor="end">{Escape(spec.FormatX(x1))}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="4" y="{Top}">{Escape(spec.FormatY(y1))}</text>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        var (min, max) = (list.Min(), list.Max());
        return max > min ? (min, max) : (min - 1, max + 1);
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
