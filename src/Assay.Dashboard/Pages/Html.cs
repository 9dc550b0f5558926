using System.Globalization;
using System.Net;
using Assay.Core.Results;

namespace Assay.Dashboard.Pages;

/// <summary>Small helpers every page uses: escaping, invariant dates, status badges.</summary>
internal static class Html
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Status(RunStatus status)
    {
        var name = status.ToString().ToLowerInvariant();
        return $"""<span class="status status-{name}">{name}</span>""";
    }

    public static string Verdict(string? verdict) =>
        verdict is null ? """<span class="muted">no hypothesis</span>""" : $"""<span class="verdict verdict-{Escape(verdict)}">{Escape(verdict)}</span>""";

    public static string Link(string href, string text) => $"""<a href="{Escape(href)}">{Escape(text)}</a>""";
}
