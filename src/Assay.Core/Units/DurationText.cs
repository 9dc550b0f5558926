using System.Globalization;
using System.Text.RegularExpressions;

namespace Assay.Core.Units;

/// <summary>Durations as users write them (<c>500ms</c>, <c>30s</c>, <c>1m30s</c>, <c>2h</c>), and back.</summary>
public static partial class DurationText
{
    public const string Hint = "write a number with a unit: us, ms, s, m or h, e.g. 500ms, 30s, 1m30s";

    [GeneratedRegex(@"\G(\d+(?:\.\d+)?)(us|µs|ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    /// <summary>Parses a duration; a bare number is rejected because its unit would be a guess.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        var position = 0;
        double totalMs = 0;
        while (position < s.Length)
        {
            var match = Part().Match(s, position);
            if (!match.Success) return false;
            var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            totalMs += number * match.Groups[2].Value switch
            {
                "us" or "µs" => 0.001,
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                _ => 3_600_000,
            };
            position += match.Length;
        }
        value = TimeSpan.FromMilliseconds(totalMs);
        return true;
    }

    /// <summary>A short form for people that <see cref="TryParse"/> reads back: 250µs, 12.5ms, 30s, 1m30s.</summary>
    public static string Format(TimeSpan value)
    {
        // Each unit ends where its value would round up to the next unit (999.999ms is "1s", 119.999s is
        // "2m", never "1m60s"); ticks are 100 ns, so microseconds never round.
        if (value.TotalMilliseconds < 1) return string.Create(CultureInfo.InvariantCulture, $"{value.TotalMicroseconds:0.#}µs");
        if (value.TotalMilliseconds < 999.995) return string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.##}ms");
        var totalSeconds = Math.Round(value.TotalSeconds, 2);
        if (totalSeconds < 60) return string.Create(CultureInfo.InvariantCulture, $"{totalSeconds:0.##}s");
        var minutes = (int)(totalSeconds / 60);
        var seconds = totalSeconds - minutes * 60;
        return seconds < 0.005
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}m{seconds:0.##}s");
    }
}
