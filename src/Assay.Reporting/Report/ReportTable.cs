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

    /// <summary>
    /// Whether a column holds figures, to align right: every filled cell starts with a digit, a sign, a dollar,
    /// an interval's bracket or the dash that marks a missing value.
    /// </summary>
    public bool IsNumeric(int column) =>
        column > 0
        && Rows.Any(r => r[column].Length > 0 && r[column] != "–")
        && Rows.All(r => r[column].Length == 0 || char.IsAsciiDigit(r[column][0]) || r[column][0] is '$' or '-' or '[' or '–');
}
