using System.Globalization;

namespace Assay.Cli.Infrastructure;

/// <summary>Run ids that sort by time and say what ran: <c>20261127-042613-http-baseline-3f2a</c>.</summary>
internal static class RunIds
{
    public static string New(string experiment, DateTimeOffset at, Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyyMMdd-HHmmss}-{experiment}-{random.Next(0x10000):x4}");
}
