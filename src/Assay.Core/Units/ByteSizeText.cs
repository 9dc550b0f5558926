using System.Globalization;
using System.Text.RegularExpressions;

namespace Assay.Core.Units;

/// <summary>Memory sizes as Kubernetes writes them (<c>512Mi</c>, <c>1Gi</c>, <c>100M</c>, <c>1048576</c>), and back.</summary>
public static partial class ByteSizeText
{
    public const string Hint = "write bytes or a number with a unit: Ki, Mi, Gi (powers of 1024) or k, M, G (powers of 1000), e.g. 512Mi";

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|k|K|M|G|T)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = Pattern().Match(text.Trim());
        if (!match.Success) return false;
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        double factor = match.Groups[2].Value switch
        {
            "" => 1,
            "Ki" => 1024d,
            "Mi" => 1024d * 1024,
            "Gi" => 1024d * 1024 * 1024,
            "Ti" => 1024d * 1024 * 1024 * 1024,
            "k" or "K" => 1e3,
            "M" => 1e6,
            "G" => 1e9,
            _ => 1e12,
        };
        var rounded = Math.Round(number * factor);
        // (double)long.MaxValue is 2^63, one past the range: a cast at or beyond it would saturate silently.
        if (rounded >= long.MaxValue) return false;
        bytes = (long)rounded;
        return true;
    }

    /// <summary>Binary units for people, three significant digits: 512 B, 12.3 KiB, 256 MiB, 1.50 GiB.</summary>
    public static string Format(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        var value = bytes;
        // Bands end where a value would round up to the next band's first value: 1,048,575 bytes is
        // "1.00 MiB", not "1024 KiB"; 10,239 bytes is "10.0 KiB", not "10.00 KiB".
        while (Math.Abs(value) >= 1023.5 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        var magnitude = Math.Abs(value);
        var format = unit == 0 ? "0" : magnitude < 9.995 ? "0.00" : magnitude < 99.95 ? "0.0" : "0";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
