using Assay.Core.Diagnostics;
using Spectre.Console;

namespace Assay.Cli.Rendering;

/// <summary>
/// Validation problems, one per line in compiler style (<c>file:line:col: error: field: message (hint)</c>),
/// then a count. The lines go straight to the console's writer, unwrapped, so editors and scripts can
/// parse them whatever the terminal width.
/// </summary>
internal static class DiagnosticsRenderer
{
    public static void Render(IAnsiConsole console, IEnumerable<Diagnostic> diagnostics)
    {
        var writer = console.Profile.Out.Writer;
        var errors = 0;
        var warnings = 0;
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
            if (diagnostic.IsError) errors++;
            else warnings++;
        }
        if (errors > 0 || warnings > 0)
            writer.WriteLine($"{errors} error(s), {warnings} warning(s)");
        writer.Flush();
    }
}
