using System.Globalization;

namespace Assay.Cli.Infrastructure;

/// <summary>
/// Output sent to a file or a CI log has no terminal width; Spectre then assumes 80 columns and
/// wraps the result tables. Such output is as wide as <c>COLUMNS</c> says, or 132 columns.
/// </summary>
internal static class ConsoleWidth
{
    public const int Redirected = 132;

    public static Spectre.Console.IAnsiConsole Fit(Spectre.Console.IAnsiConsole console, bool redirected)
    {
        if (!redirected) return console;
        var columns = Environment.GetEnvironmentVariable("COLUMNS");
        console.Profile.Width = int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width >= 40
            ? width
            : Redirected;
        return console;
    }
}
