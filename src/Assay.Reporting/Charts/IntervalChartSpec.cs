namespace Assay.Reporting.Charts;

/// <summary>
/// One row of an interval chart: an estimate and, when known, the interval around it (a confidence interval,
/// or the range across trials).
/// </summary>
public sealed record IntervalRow(string Label, double Value, double? Low = null, double? High = null);

/// <summary>
/// What an interval chart shows: labelled rows on a shared horizontal axis, each a point with its interval
/// (a forest plot) or a bar from zero (<see cref="Bars"/>), with an optional reference line such as a ratio of 1.
/// </summary>
/// <param name="Reference">Where to draw the vertical reference line (no difference, the whole budget); null for none.</param>
/// <param name="Band">A shaded range around the reference (the equivalence margin); null for none.</param>
public sealed record IntervalChartSpec(
    string Id,
    string Title,
    string XTitle,
    IReadOnlyList<IntervalRow> Rows,
    Func<double, string> FormatX,
    double? Reference = null,
    (double Low, double High)? Band = null,
    bool Bars = false,
    bool LogX = false);
