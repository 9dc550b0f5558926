using System.Globalization;
using Assay.Core.Units;

namespace Assay.Reporting.Text;

/// <summary>Numbers for people, in the invariant culture, with units that fit their size.</summary>
public static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Bands end where a value would round up to the next band's first value (0.9996 ms is "1.00ms",
    // not "1000µs"; 999.96/s is "1,000/s", not "1000.0/s").

    /// <summary>A latency given in milliseconds: 850µs, 12.3ms, 1.50s.</summary>
    public static string Latency(double milliseconds) => milliseconds switch
    {
        0 => "0",
        < 0.9995 => (milliseconds * 1000).ToString("0", Invariant) + "µs",
        < 9.995 => milliseconds.ToString("0.00", Invariant) + "ms",
        < 999.95 => milliseconds.ToString("0.0", Invariant) + "ms",
        _ => (milliseconds / 1000).ToString("0.00", Invariant) + "s",
    };

    /// <summary>Operations per second: 12,345/s, 98.5/s, 0.25/s.</summary>
    public static string Rate(double perSecond, string unit = "/s") => perSecond switch
    {
        >= 999.95 => perSecond.ToString("#,0", Invariant) + unit,
        >= 9.995 => perSecond.ToString("0.0", Invariant) + unit,
        _ => perSecond.ToString("0.00", Invariant) + unit,
    };

    public static string Count(long count) => count.ToString("#,0", Invariant);

    public static string Bytes(long bytes) => ByteSizeText.Format(bytes);

    public static string Seconds(double seconds) => seconds.ToString(seconds < 10 ? "0.000" : "0.00", Invariant);

    public static string Cores(double cores) => cores.ToString("0.000", Invariant);

    /// <summary>A fraction as a percentage: two decimals below 1% (either sign), one above: 0.05%, 12.3%, -25.0%.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString(Math.Abs(fraction) < 0.01 ? "0.00" : "0.0", Invariant) + "%";

    public static string Number(double value) => value.ToString("0.###", Invariant);

    /// <summary>US dollars with enough significant digits for sub-cent costs: $12.35, $0.0421, $0.000183.</summary>
    public static string Dollars(double dollars) => Math.Abs(dollars) switch
    {
        0 => "$0",
        >= 1 => "$" + dollars.ToString("#,0.00", Invariant),
        _ => "$" + dollars.ToString("0." + new string('0', Math.Min(12, 2 - (int)Math.Floor(Math.Log10(Math.Abs(dollars))))), Invariant),
    };

    /// <summary>A KPI value in its unit: latencies as durations, throughputs as rates, ratios as percentages, costs in dollars.</summary>
    public static string Kpi(double value, string unit) => unit switch
    {
        "ms" => Latency(value),
        "ops/s" => Rate(value),
        "ratio" => Percent(value),
        "USD/1M ops" => Dollars(value),
        _ => Number(value),
    };

    /// <summary>A threshold's actual value in its unit: a latency, a fraction as %, a rate.</summary>
    public static string ThresholdValue(double? value, string unit) => value switch
    {
        null => "n/a",
        double v when unit == "ms" => Latency(v),
        double v when unit == "fraction" => Percent(v),
        double v when unit.EndsWith("/s", StringComparison.Ordinal) => Rate(v),
        double v => Number(v),
    };
}
