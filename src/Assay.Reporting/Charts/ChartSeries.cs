namespace Assay.Reporting.Charts;

/// <summary>One named line (or set of marks) of a chart, in data units.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>A point in data units; X is seconds, a rank or a Unix time, as the chart's axis says.</summary>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>What a line chart shows: its series, axis titles, how each axis prints a value, and whether Y is logarithmic.</summary>
public sealed record LineChartSpec(
    string Title,
    string XTitle,
    string YTitle,
    IReadOnlyList<ChartSeries> Series,
    Func<double, string> FormatX,
    Func<double, string> FormatY,
    bool LogY = false)
{
    /// <summary>A logarithmic X axis (the latency spectrum plots 1/(1−q) so each extra nine gets the same width).</summary>
    public bool LogX { get; init; }

    /// <summary>Where the X axis puts its ticks, in data units; null lets the axis choose round values.</summary>
    public IReadOnlyList<double>? XTicks { get; init; }

    /// <summary>An identifier for the SVG element (<c>id</c> and a class), so a page can link to or find the chart.</summary>
    public string? Id { get; init; }
}
