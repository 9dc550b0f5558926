using System.Text.RegularExpressions;
using Assay.Testing;

namespace Assay.Dashboard.Tests;

public sealed partial class SiteBuildTests
{
    [Fact(Timeout = 60_000)]
    public async Task Site_build_writes_every_page_and_every_relative_link_resolves_to_a_written_file()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var seeded = await SeededStore.CreateAsync(timeout.Token);
        var output = Path.Combine(seeded.Folder, "site");

        var (code, printed) = await Cli.RunAsync(["site", "build", "--state-dir", seeded.StateDirectory, "--out", output], timeout.Token);

        Assert.True(code == 0, printed);
        var history = seeded.HistoryOf(SeededStore.Experiment);
        string[] expected =
        [
            "index.html",
            "runs/index.html",
            $"experiments/{SeededStore.Experiment}/index.html",
            $"experiments/{SeededStore.OtherExperiment}/index.html",
            $"runs/{SeededStore.RunningRunId}/index.html",
            .. seeded.Results.SelectMany(r => new[] { $"runs/{r.RunId}/index.html", $"runs/{r.RunId}/report.html" }),
            $"compare/{history[0].RunId}/{history[1].RunId}/index.html",
            $"compare/{history[1].RunId}/{history[2].RunId}/index.html",
        ];
        foreach (var page in expected)
            Assert.True(File.Exists(Path.Combine(output, page)), $"{page} was not written; output: {printed}");
        Assert.False(File.Exists(Path.Combine(output, "runs", SeededStore.RunningRunId, "report.html")), "a run without a result has no report");

        var pages = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories);
        var links = 0;
        foreach (var page in pages)
        {
            var html = await File.ReadAllTextAsync(page, timeout.Token);
            foreach (Match match in Link().Matches(html))
            {
                var target = System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value);
                Assert.False(Uri.TryCreate(target, UriKind.Absolute, out _) || target.StartsWith('/'),
                    $"{Path.GetRelativePath(output, page)} links to '{target}': a published site must link relatively");
                var path = Uri.UnescapeDataString(target.Split('#', '?')[0]);
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));
                Assert.True(File.Exists(resolved), $"{Path.GetRelativePath(output, page)} links to '{target}', which is not a written file");
                links++;
            }
        }
        Assert.True(links > 50, $"only {links} links checked");
    }

    [Fact(Timeout = 60_000)]
    public async Task Site_build_charts_the_history_of_each_experiment()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var seeded = await SeededStore.CreateAsync(timeout.Token);
        var output = Path.Combine(seeded.Folder, "site");

        var (code, printed) = await Cli.RunAsync(["site", "build", "--state-dir", seeded.StateDirectory, "--out", output], timeout.Token);

        Assert.True(code == 0, printed);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "experiments", SeededStore.Experiment, "index.html"), timeout.Token);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("data-series=\"nginx\"", html, StringComparison.Ordinal);
        Assert.Contains("data-series=\"caddy\"", html, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Site_build_without_a_store_says_where_it_looked_and_writes_nothing()
    {
        using var folder = new TempFolder("dashboard");
        var output = folder.File("site");

        var (code, printed) = await Cli.RunAsync(["site", "build", "--state-dir", folder.File(".assay"), "--out", output], CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("no run store", printed, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.False(File.Exists(folder.File(".assay", "assay.db")), "a viewer must not create a store");
    }

    [GeneratedRegex("""(?:href|src|action)="(?<url>[^"]*)"\s*""")]
    private static partial Regex Link();
}
