using Assay.Core.Diagnostics;

namespace Assay.Specs;

/// <summary>
/// What loading a file produced: the value, and every problem found on the way. When any diagnostic is
/// an error, <see cref="Value"/> is null; warnings may accompany a value.
/// </summary>
public sealed record SpecOutcome<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics)
    where T : class
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    internal static SpecOutcome<T> From(T? value, DiagnosticBag diagnostics) =>
        diagnostics.HasErrors ? new(null, diagnostics.Sorted()) : new(value, diagnostics.Sorted());
}
