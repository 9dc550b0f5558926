using Assay.Core.Diagnostics;
using Spectre.Console;

namespace Assay.Cli.Rendering;

/// <summary>Validation problems, one per line in compiler style, then a count.</summary>
internal static class DiagnosticsRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var color = diagnostic.IsError ? "red" : "yellow";
            console.MarkupLine($"[{color}]{Markup.Escape(diagnostic.ToString())}[/]");
        }
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        if (errors > 0 || warnings > 0)
            console.MarkupLine($"{errors} error(s), {warnings} warning(s)");
    }
}
