using System.Text;

namespace Assay.Dashboard.Pages;

/// <summary>The frame of every dashboard page: one self-contained document with inline styles, no script, nothing fetched.</summary>
internal static class Layout
{
    // Series colours only for lines the chart leaves to the page (stroke="currentColor"): a chart that colours its
    // own series and draws its legend keeps them.
    private const string Styles = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
        header{background:#1d232a;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:baseline}
        header a{color:#fff;text-decoration:none}header .brand{font-weight:700;font-size:16px}
        main{padding:16px 24px;max-width:1200px}
        table{border-collapse:collapse;background:#fff;margin:8px 0 16px}
        th,td{border:1px solid #d8dde3;padding:4px 10px;text-align:left;vertical-align:top}
        th{background:#eef1f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .status,.verdict{padding:1px 6px;border-radius:4px;font-size:12px;background:#e3e6ea}
        .status-passed,.verdict-validated{background:#d4f3dc}.status-failed,.verdict-refuted{background:#fbd9d9}
        .status-running{background:#dde8fb}.status-aborted,.status-error,.status-cancelled{background:#fbe9cf}
        .muted{color:#6b7480}.regressed{color:#b3261e;font-weight:600}.columns{display:flex;gap:24px;flex-wrap:wrap}.columns>section{flex:1 1 420px;min-width:0;overflow-x:auto}
        .chart{width:640px;max-width:100%;height:auto;background:#fff;border:1px solid #d8dde3;color:#2a6fdb}
        .chart polyline[stroke=currentColor]:nth-of-type(2){stroke:#d9480f}.chart polyline[stroke=currentColor]:nth-of-type(3){stroke:#2b8a3e}
        .chart text:not([fill]){font-size:11px;fill:#4a525c}
        iframe.report{width:100%;height:640px;border:1px solid #d8dde3;background:#fff}
        """;

    public static string Page(string title, PageLinks links, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<title>{Html.Escape(title)} · Assay</title><style>{Styles}</style></head><body>");
        html.Append("<header>");
        html.Append($"""<a class="brand" href="{Html.Escape(links.Home())}">Assay</a>""");
        html.Append($"""<a href="{Html.Escape(links.Home())}">Experiments</a>""");
        html.Append($"""<a href="{Html.Escape(links.Runs())}">Runs</a>""");
        if (!links.StaticFiles) html.Append($"""<a href="{Html.Escape(links.CompareForm())}">Compare</a>""");
        html.Append("</header><main>");
        html.Append(body);
        html.Append("</main></body></html>");
        return html.ToString();
    }
}
