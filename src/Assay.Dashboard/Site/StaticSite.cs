using System.Text;
using Assay.Dashboard.Data;
using Assay.Dashboard.Pages;

namespace Assay.Dashboard.Site;

/// <summary>What <see cref="StaticSite.WriteAsync"/> wrote: the pages, as paths relative to the output folder.</summary>
public sealed record SiteWriteResult(string Directory, IReadOnlyList<string> Pages);

/// <summary>
/// The dashboard as static files (<c>assay site build</c>) for publishing a lab's results: the same page renderers
/// as <c>assay serve</c>, with links between files (each folder page an <c>index.html</c>). Comparisons cannot take
/// a query string here, so each completed run gets one pre-written comparison with its experiment's previous run.
/// </summary>
public static class StaticSite
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<SiteWriteResult> WriteAsync(DashboardReader reader, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var root = Path.GetFullPath(outputDirectory);
        var written = new List<string>();

        async Task WriteAsync(string relativePath, string html)
        {
            var path = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, html, Utf8, cancellationToken);
            written.Add(relativePath);
        }

        var experiments = await reader.ExperimentsAsync(cancellationToken);
        await WriteAsync("index.html", ExperimentsPage.Render(experiments, new PageLinks(0, StaticFiles: true)));
        var runs = await reader.RunsAsync(null, cancellationToken);
        await WriteAsync("runs/index.html", RunsPage.Render(runs, new PageLinks(1, StaticFiles: true)));

        foreach (var experiment in experiments.Experiments)
        {
            if (await reader.ExperimentAsync(experiment.Name, cancellationToken) is { } model)
                await WriteAsync($"experiments/{Segment(experiment.Name)}/index.html", ExperimentPage.Render(model, new PageLinks(2, StaticFiles: true)));
        }

        foreach (var row in runs.Runs)
        {
            var runId = row.Listing.RunId;
            if (await reader.RunAsync(runId, cancellationToken) is not { } run) continue;
            await WriteAsync($"runs/{Segment(runId)}/index.html", RunPage.Render(run, new PageLinks(2, StaticFiles: true)));
            if (RunPage.Report(run) is not { } report) continue;
            await WriteAsync($"runs/{Segment(runId)}/report.html", report);
            if (run.PreviousRunId is { } previous)
            {
                var compare = await reader.CompareAsync(previous, runId, cancellationToken);
                await WriteAsync($"compare/{Segment(previous)}/{Segment(runId)}/index.html", ComparePage.Render(compare, new PageLinks(3, StaticFiles: true)));
            }
        }
        return new SiteWriteResult(root, written);
    }

    /// <summary>
    /// Run ids and experiment names become folder names: anything but letters, digits, '.', '_' and '-' could
    /// escape the output folder or differ from the link that names it.
    /// </summary>
    private static string Segment(string name)
    {
        if (name.Length == 0 || name is "." or ".." || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new InvalidDataException($"'{name}' cannot be a folder name of the static site (only letters, digits, '.', '_' and '-'); rename the experiment or run.");
        return name;
    }
}
