namespace Assay.Core.Diagnostics;

/// <summary>How bad a <see cref="Diagnostic"/> is: errors stop a run, warnings are shown and stored.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found in user input, with where it is, which field it concerns and how to fix it.
/// Validation collects every diagnostic instead of stopping at the first.
/// </summary>
/// <param name="Location">Where the problem is; null when it concerns the file as a whole or a command-line value.</param>
/// <param name="FieldPath">The field, as a path from the document root, e.g. <c>spec.workload.model.connections</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it: the allowed values, or "did you mean …?"; null when nothing useful can be said.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    SourceLocation? Location,
    string FieldPath,
    string Message,
    string? Hint = null)
{
    public static Diagnostic Error(SourceLocation? location, string fieldPath, string message, string? hint = null) =>
        new(DiagnosticSeverity.Error, location, fieldPath, message, hint);

    public static Diagnostic Warning(SourceLocation? location, string fieldPath, string message, string? hint = null) =>
        new(DiagnosticSeverity.Warning, location, fieldPath, message, hint);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>One line, compiler style: <c>file:line:col: error: spec.x: message (hint)</c>.</summary>
    public override string ToString()
    {
        var where = Location is null ? "" : $"{Location}: ";
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var field = string.IsNullOrEmpty(FieldPath) ? "" : $"{FieldPath}: ";
        var hint = Hint is null ? "" : $" ({Hint})";
        return $"{where}{severity}: {field}{Message}{hint}";
    }
}
