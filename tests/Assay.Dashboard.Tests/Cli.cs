using Assay.Cli;
using Assay.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Assay.Dashboard.Tests;

/// <summary>Runs the command line in-process, as a user would type it, and records what it prints.</summary>
internal static class Cli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var console = new TestConsole().Width(200);
        console.Profile.Capabilities.Ansi = false;
        var app = AssayApp.Create(console, new ConsoleStreams(new StringWriter(), console));
        var code = await app.RunAsync(args, cancellationToken);
        return (code, console.Output);
    }
}
