using System.Globalization;

namespace Assay.Apps.Logs;

/// <summary>How many lines per second the app prints, spread over how many services.</summary>
internal sealed record LogSettings(double Rate, int Services)
{
    public const double MaxRate = 100_000;
    public const int MaxServices = 10_000;

    public static LogSettings Default { get; } = new(10, 5);

    /// <summary>From <c>LOG_RATE</c> and <c>LOG_SERVICES</c>; an invalid value stops the start with what to write instead.</summary>
    public static LogSettings FromEnvironment()
    {
        var rate = Environment.GetEnvironmentVariable("LOG_RATE");
        var services = Environment.GetEnvironmentVariable("LOG_SERVICES");
        return Parse(rate, services, Default) is { } settings
            ? settings
            : throw new InvalidOperationException(
                $"LOG_RATE='{rate}' / LOG_SERVICES='{services}' are not valid: LOG_RATE is lines per second (more than 0, at most {MaxRate.ToString(CultureInfo.InvariantCulture)}), LOG_SERVICES a whole number from 1 to {MaxServices.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>The settings with the given texts applied over <paramref name="current"/> (null or empty = unchanged); null when one is invalid.</summary>
    public static LogSettings? Parse(string? rate, string? services, LogSettings current)
    {
        var result = current;
        if (!string.IsNullOrWhiteSpace(rate))
        {
            if (!double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0 && value <= MaxRate)) return null;
            result = result with { Rate = value };
        }
        if (!string.IsNullOrWhiteSpace(services))
        {
            if (!int.TryParse(services, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxServices) return null;
            result = result with { Services = count };
        }
        return result;
    }
}
