namespace Assay.Cli.Rendering;

/// <summary>A series as one line of block characters (▁▂▃▄▅▆▇█), lowest value to highest.</summary>
internal static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>One block per value, scaled between the series' minimum and maximum; a flat series is all ▄.</summary>
    public static string Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return "";
        var min = values.Min();
        var max = values.Max();
        if (max - min <= Math.Abs(max) * 1e-12) return new string(Blocks[3], values.Count);
        return string.Concat(values.Select(v => Blocks[(int)Math.Round((v - min) / (max - min) * (Blocks.Length - 1), MidpointRounding.AwayFromZero)]));
    }
}
