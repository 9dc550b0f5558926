namespace Assay.Cli.Infrastructure;

/// <summary>
/// Output sent to a file or a CI log has no terminal width; Spectre then assumes 80 columns and
/// wraps the result tables. Such output gets a width that fits them, unless COLUMNS says otherwise.
/// </summary>
internal static class ConsoleWidth
{
    public const int Redirected = 132;

    public static Spectre.Console.IAnsiConsole Fit(Spectre.Console.IAnsiConsole console, bool redirected)
    {
        if (redirected && Environment.GetEnvironmentVariable("COLUMNS") is null) console.Profile.Width = Redirected;
        return console;
    }
}
