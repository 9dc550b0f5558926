using Spectre.Console;

namespace Assay.Cli.Infrastructure;

/// <summary>
/// Raw standard output (for machine-readable documents such as <c>--json</c>) and a console on standard
/// error (for people, when stdout is taken). Injected so tests can capture both.
/// </summary>
public sealed record ConsoleStreams(TextWriter Out, IAnsiConsole Error)
{
    public static ConsoleStreams System() => new(
        Console.Out,
        ConsoleWidth.Fit(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), Console.IsErrorRedirected));
}
