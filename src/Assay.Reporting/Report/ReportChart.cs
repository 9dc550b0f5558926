namespace Assay.Reporting.Report;

/// <summary>One chart of a run's report: the SVG the HTML inlines and the Markdown links to as a file beside it.</summary>
/// <param name="Id">Lowercase with dashes (<c>throughput</c>, <c>latency-spectrum</c>): the SVG's id and its file name's stem.</param>
public sealed record ReportChart(string Id, string Title, string Svg)
{
    /// <summary>The file the Markdown report links to: <c>report-throughput.svg</c>.</summary>
    public string FileName => $"report-{Id}.svg";
}
