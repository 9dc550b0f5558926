namespace Assay.Reporting.Report;

/// <summary>
/// One table of a run's report, as text cells already formatted (invariant culture, units chosen), so the HTML
/// and the Markdown reports show the same figures.
/// </summary>
/// <param name="Id">Lowercase with dashes: the HTML table's id.</param>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Sentences printed under the table (the pricing assumption, why a comparison was not judged).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
