using Assay.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Assay.Cli.Tests;

/// <summary>Runs the command line in-process against a test console that records what it prints.</summary>
internal static class CliHarness
{
    public static async Task<(int ExitCode, string Output, string Stdout)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(100);
        console.Profile.Capabilities.Ansi = false;
        var stdout = new StringWriter();
        var app = AssayApp.Create(console, new ConsoleStreams(stdout, console));
        var code = await app.RunAsync(args);
        return (code, console.Output, stdout.ToString());
    }
}
