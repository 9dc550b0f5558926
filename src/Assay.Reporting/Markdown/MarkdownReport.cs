using System.Globalization;
using System.Text;
using Assay.Core.Results;
using Assay.Reporting.Report;

namespace Assay.Reporting.Markdown;

/// <summary>
/// A run's report in Markdown: the HTML report's content as tables, with its charts as links to SVG files
/// written beside it (<see cref="ReportChart.FileName"/>). Pure: <see cref="RunReport"/> names the files.
/// </summary>
public static class MarkdownReport
{
    /// <param name="experimentText">The experiment file's text as stored with the run; null when it is not at hand.</param>
    public static string Render(RunResult result, string? experimentText = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Inline(result.Title)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{Inline(result.Experiment)} · run `{result.RunId}` · started {result.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}\n\n");

        md.Append("## Summary\n\n");
        md.Append(CultureInfo.InvariantCulture, $"**{Inline(SummaryTables.Headline(result))}**\n\n");
        if (result.Hypothesis is { } hypothesis)
            md.Append(CultureInfo.InvariantCulture, $"Hypothesis “{Inline(hypothesis.Claim)}”: **{hypothesis.Verdict}**\n\n");
        if (SummaryTables.Criteria(result) is { } criteria) Table(md, criteria);
        Table(md, SummaryTables.Thresholds(result));
        foreach (var warning in result.Warnings) md.Append(CultureInfo.InvariantCulture, $"- warning: {Inline(warning)}\n");
        foreach (var issue in result.Errors) md.Append(CultureInfo.InvariantCulture, $"- error: {Inline(SummaryTables.Issue(issue))}\n");
        if (result.Warnings.Count + result.Errors.Count > 0) md.Append('\n');

        md.Append("## Charts\n\n");
        foreach (var chart in RunCharts.For(result))
            md.Append(CultureInfo.InvariantCulture, $"![{Inline(chart.Title)}]({chart.FileName})\n\n");

        md.Append("## Figures\n\n");
        foreach (var table in EvidenceTables.For(result)) Table(md, table);

        md.Append("## Environment\n\n");
        Table(md, EnvironmentTable.For(result), heading: false);

        md.Append("## Experiment file\n\n");
        md.Append(CultureInfo.InvariantCulture, $"`{result.ExperimentFile}`\n\n");
        if (experimentText is null)
        {
            md.Append("The experiment text was not stored with this run.\n");
        }
        else
        {
            var fence = Fence(experimentText);
            md.Append(CultureInfo.InvariantCulture, $"{fence}yaml\n{experimentText.TrimEnd('\n')}\n{fence}\n");
        }
        return md.ToString();
    }

    private static void Table(StringBuilder md, ReportTable table, bool heading = true)
    {
        if (heading) md.Append(CultureInfo.InvariantCulture, $"### {Inline(table.Title)}\n\n");
        if (table.Rows.Count == 0)
        {
            md.Append("None.\n\n");
            return;
        }
        md.Append("| ").AppendJoin(" | ", table.Headers.Select(Cell)).Append(" |\n");
        md.Append('|').AppendJoin("|", table.Headers.Select((_, i) => table.IsNumeric(i) ? "--:" : "---")).Append("|\n");
        foreach (var row in table.Rows) md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        md.Append('\n');
        foreach (var note in table.Notes) md.Append(CultureInfo.InvariantCulture, $"> {Inline(note)}\n\n");
    }

    /// <summary>A table cell: pipes escaped, line breaks folded, so a value cannot break the table.</summary>
    internal static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>One line of text with the characters that would start markup or HTML escaped.</summary>
    internal static string Inline(string text)
    {
        var folded = text.ReplaceLineEndings(" ");
        var escaped = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>A code fence longer than any run of backticks in the text, so the file is shown whole.</summary>
    private static string Fence(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }
}
