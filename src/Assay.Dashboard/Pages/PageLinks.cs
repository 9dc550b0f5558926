namespace Assay.Dashboard.Pages;

/// <summary>
/// Relative links from one page to the others, so the same HTML works served (<c>assay serve</c>, folder-style
/// URLs) and as files (<c>assay site build</c>, opened from disk or any static host, where a folder link must
/// name its <c>index.html</c>).
/// </summary>
/// <param name="Depth">How many folders below the site root the page is (0 for the home page).</param>
/// <param name="StaticFiles">True for the static site: folder links end in <c>index.html</c>, comparisons are pre-written pages.</param>
public sealed record PageLinks(int Depth, bool StaticFiles)
{
    public string Home() => Href("");

    public string Runs() => Href("runs/");

    public string Experiment(string name) => Href($"experiments/{Segment(name)}/");

    /// <summary>The runs of one experiment: a filtered list when served, the experiment's page in the static site.</summary>
    public string RunsOf(string experiment) =>
        StaticFiles ? Experiment(experiment) : Href("runs/") + "?experiment=" + Uri.EscapeDataString(experiment);

    public string Run(string runId) => Href($"runs/{Segment(runId)}/");

    public string Report(string runId) => Href($"runs/{Segment(runId)}/report.html");

    public string Compare(string runA, string runB) =>
        StaticFiles
            ? Href($"compare/{Segment(runA)}/{Segment(runB)}/")
            : Href("compare/") + "?a=" + Uri.EscapeDataString(runA) + "&b=" + Uri.EscapeDataString(runB);

    /// <summary>The compare page itself (its form), served only.</summary>
    public string CompareForm() => Href("compare/");

    private string Href(string path)
    {
        var up = string.Concat(Enumerable.Repeat("../", Depth));
        if (StaticFiles && (path.Length == 0 || path.EndsWith('/'))) return up + path + "index.html";
        return path.Length == 0 && up.Length == 0 ? "./" : up + path;
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
