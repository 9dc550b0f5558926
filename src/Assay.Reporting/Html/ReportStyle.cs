namespace Assay.Reporting.Html;

/// <summary>The report's only style sheet, inlined so the file needs nothing else to look right (and prints).</summary>
internal static class ReportStyle
{
    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; line-height: 1.4; }
        h1 { margin-bottom: 0.2rem; }
        .run, .note { color: #555; }
        .status { font-size: 1.2rem; font-weight: bold; padding: 0.4rem 0.8rem; border-radius: 4px; }
        .status-passed { background: #e6f4ea; }
        .status-failed, .status-error { background: #fce8e6; }
        .status-cancelled, .status-running, .status-aborted { background: #fef7e0; }
        .verdict-validated strong { color: #137333; }
        .verdict-invalidated strong { color: #c5221f; }
        table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1.5rem 0; }
        svg.chart { max-width: 100%; height: auto; }
        pre { background: #f6f8fa; padding: 0.8rem; overflow-x: auto; }
        .warnings li { color: #8a6d00; }
        .errors li { color: #c5221f; }

        """;
}
