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
    bool LogY = false);
