namespace Assay.Dashboard.Pages;

/// <summary>What the dashboard shows for a run or experiment it does not have (or an ambiguous id prefix).</summary>
public static class NotFoundPage
{
    public static string Render(string message, PageLinks links) =>
        Layout.Page("Not found", links, $"<h1>Not found</h1><p class=\"problem\">{Html.Escape(message)}</p>");
}
