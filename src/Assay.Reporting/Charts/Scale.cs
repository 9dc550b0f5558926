namespace Assay.Reporting.Charts;

/// <summary>
/// Maps data values on one axis to pixels, linearly or logarithmically, and proposes round tick values.
/// A logarithmic scale needs positive values: non-positive ones are clamped to the smallest positive one.
/// </summary>
internal sealed class Scale
{
    private readonly double _min, _max, _from, _to, _step;

    private Scale(double min, double max, double from, double to, bool log, double step = 0)
    {
        (_min, _max, _from, _to, Log) = (min, max, from, to, log);
        _step = step > 0 ? step : NiceStep((max - min) / 5);
    }

    public bool Log { get; }

    public double Min => _min;

    public double Max => _max;

    /// <summary>A scale covering the values (and zero, when asked, for linear axes whose baseline matters).</summary>
    public static Scale For(IEnumerable<double> values, double from, double to, bool log, bool includeZero)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (log)
        {
            var positive = finite.Where(v => v > 0).ToList();
            if (positive.Count == 0) return new Scale(1, 10, from, to, true);
            var (low, high) = (positive.Min(), positive.Max());
            // Whole decades, so the ticks at powers of ten sit at both ends.
            var min = Math.Pow(10, Math.Floor(Math.Log10(low)));
            var max = Math.Pow(10, Math.Ceiling(Math.Log10(high)));
            if (max <= min) max = min * 10;
            return new Scale(min, max, from, to, true);
        }
        if (includeZero) finite.Add(0);
        if (finite.Count == 0) return new Scale(0, 1, from, to, false);
        var (lo, hi) = (finite.Min(), finite.Max());
        if (hi <= lo) (lo, hi) = lo == 0 ? (0, 1) : (lo - Math.Abs(lo) * 0.1, hi + Math.Abs(hi) * 0.1);
        var step = NiceStep((hi - lo) / 5);
        return new Scale(Math.Floor(lo / step) * step, Math.Ceiling(hi / step) * step, from, to, false, step);
    }

    /// <summary>The pixel of a value; values outside the range land outside it, as a chart clips them.</summary>
    public double Pixel(double value)
    {
        if (Log)
        {
            var v = Math.Max(value, _min);
            return _from + (Math.Log10(v) - Math.Log10(_min)) / (Math.Log10(_max) - Math.Log10(_min)) * (_to - _from);
        }
        return _from + (value - _min) / (_max - _min) * (_to - _from);
    }

    /// <summary>Round values to label: powers of ten on a log scale, multiples of 1, 2 or 5 × 10ⁿ on a linear one.</summary>
    public IReadOnlyList<double> Ticks()
    {
        if (Log)
        {
            var ticks = new List<double>();
            for (var e = (int)Math.Round(Math.Log10(_min)); e <= (int)Math.Round(Math.Log10(_max)); e++) ticks.Add(Math.Pow(10, e));
            return ticks;
        }
        var count = (int)Math.Round((_max - _min) / _step);
        return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(_min + i * _step, 12))];
    }

    /// <summary>The 1, 2 or 5 × 10ⁿ step nearest above a rough one.</summary>
    internal static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        // Rounded, so 0.25 / 5 (0.05000000000000001) steps by 0.05, not 0.1.
        var fraction = Math.Round(rough / magnitude, 9);
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }
}
