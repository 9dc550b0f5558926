using Assay.Core.Diagnostics;

namespace Assay.Specs;

/// <summary>Collects diagnostics while a file is read, so that every problem is reported at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors => _items.Any(d => d.IsError);

    public int ErrorCount => _items.Count(d => d.IsError);

    public void Error(SourceLocation? location, string fieldPath, string message, string? hint = null) =>
        _items.Add(Diagnostic.Error(location, fieldPath, message, hint));

    public void Warning(SourceLocation? location, string fieldPath, string message, string? hint = null) =>
        _items.Add(Diagnostic.Warning(location, fieldPath, message, hint));

    /// <summary>True when an error was already reported for this field, so "missing" is not said of a field written wrongly.</summary>
    public bool HasErrorFor(string fieldPath) => _items.Any(d => d.IsError && d.FieldPath == fieldPath);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>
    /// In reading order: command-line problems first, then by file, line and column. The sort is stable,
    /// so two problems at one position keep the order they were found in.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location is null ? 0 : 1)
            .ThenBy(x => x.d.Location?.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location?.Line ?? 0)
            .ThenBy(x => x.d.Location?.Column ?? 0)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            // One mistake reached through two paths (two variants sharing a name) is reported once.
            .Distinct()];
}
