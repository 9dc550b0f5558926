using System.Collections.Concurrent;
using System.Net;
using Assay.Dashboard.Hosting;
using Assay.Dashboard.Pages;
using Assay.Storage;
using Assay.Testing;
using Microsoft.Playwright;

namespace Assay.Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser: the host started in-process on 127.0.0.1 over a seeded store opened read-only,
/// headless chromium clicking through it as a person would. Screenshots go to artifacts/test-results/dashboard.
/// </summary>
public sealed class DashboardBrowserTests
{
    private static readonly string Screenshots = RepoPaths.Of("artifacts", "test-results", "dashboard");

    [Fact(Timeout = 180_000)]
    public async Task Experiments_lead_to_history_charts_runs_reports_and_comparisons_without_leaving_this_machine()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(170));
        await using var seeded = await SeededStore.CreateAsync(timeout.Token);
        var history = seeded.HistoryOf(SeededStore.Experiment);
        var requests = new ConcurrentQueue<string>();
        string marker;
        await using (var store = await SqliteRunStore.OpenReadOnlyAsync(seeded.Database, timeout.Token))
        await using (var server = await DashboardServer.StartAsync(store, IPAddress.Loopback, 0, timeout.Token))
        await using (var browser = await Browser.LaunchAsync())
        {
            marker = browser.Marker;
            var page = await browser.NewPageAsync();
            page.Request += (_, request) => requests.Enqueue(request.Url);

            // Home: the experiments with their run counts.
            await page.GotoAsync(server.Url.ToString());
            var experiments = page.Locator("#experiments tbody tr");
            Assert.Equal(2, await experiments.CountAsync());
            await ScreenshotAsync(page, "1-experiments");

            // An experiment: its history charts, drawn.
            await page.Locator("#experiments a", new() { HasText = SeededStore.Experiment }).First.ClickAsync();
            await page.WaitForURLAsync($"**/experiments/{SeededStore.Experiment}/");
            var charts = page.Locator("svg.chart");
            Assert.Equal(HistoryCharts.Charted.Count, await charts.CountAsync());
            for (var i = 0; i < await charts.CountAsync(); i++)
            {
                var box = await charts.Nth(i).BoundingBoxAsync();
                Assert.True(box is { Width: > 100, Height: > 50 }, $"chart {i} is not drawn: {box?.Width}x{box?.Height}");
            }
            var lines = page.Locator("svg.chart polyline");
            Assert.Equal(HistoryCharts.Charted.Count * 2, await lines.CountAsync());
            for (var i = 0; i < await lines.CountAsync(); i++)
            {
                var points = await lines.Nth(i).GetAttributeAsync("points") ?? "";
                Assert.Equal(history.Count, points.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            }
            await ScreenshotAsync(page, "2-history");

            // The newest completed run: its verdict, its KPIs, its report embedded.
            var newest = history[^1];
            await page.Locator("table.runs a", new() { HasText = newest.RunId }).ClickAsync();
            await page.WaitForURLAsync($"**/runs/{newest.RunId}/");
            Assert.Equal("validated", await page.Locator(".hypothesis .verdict").InnerTextAsync());
            Assert.Equal(2, await page.Locator("table.kpis tbody tr").CountAsync());
            await Assertions.Expect(page.FrameLocator("iframe.report").Locator("h1")).ToContainTextAsync(newest.Title);
            await ScreenshotAsync(page, "3-run");

            // Its full report, on its own.
            await page.Locator("#report-link").ClickAsync();
            await page.WaitForURLAsync($"**/runs/{newest.RunId}/report.html");
            await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync(newest.Title);
            var reportCharts = page.Locator("svg.chart");
            Assert.True(await reportCharts.CountAsync() > 0, "the report has no chart");
            for (var i = 0; i < await reportCharts.CountAsync(); i++)
            {
                var box = await reportCharts.Nth(i).BoundingBoxAsync();
                Assert.True(box is { Width: > 100, Height: > 50 }, $"report chart {i} is not drawn: {box?.Width}x{box?.Height}");
            }
            var reportLines = page.Locator("svg.chart polyline");
            Assert.True(await reportLines.CountAsync() > 0, "the report's charts have no lines");
            for (var i = 0; i < await reportLines.CountAsync(); i++)
                Assert.False(string.IsNullOrWhiteSpace(await reportLines.Nth(i).GetAttributeAsync("points")), $"report line {i} has no points");
            await ScreenshotAsync(page, "4-report");
            await page.GoBackAsync();

            // Compared with the run before it: two KPI tables side by side, and the change.
            await page.Locator("#compare-previous").ClickAsync();
            await page.WaitForURLAsync("**/compare/?a=*");
            Assert.Equal(2, await page.Locator(".compare table.kpis").CountAsync());
            Assert.Contains(history[^2].RunId, await page.Locator(".compare .run-a h2").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(newest.RunId, await page.Locator(".compare .run-b h2").InnerTextAsync(), StringComparison.Ordinal);
            var (boxA, boxB) = (await page.Locator(".compare .run-a").BoundingBoxAsync(), await page.Locator(".compare .run-b").BoundingBoxAsync());
            Assert.True(boxA is not null && boxB is not null && boxA.Y == boxB.Y && boxB.X > boxA.X + boxA.Width / 2,
                $"the two runs are not side by side: A at ({boxA?.X}, {boxA?.Y}), B at ({boxB?.X}, {boxB?.Y})");
            Assert.True(await page.Locator(".changes table#table-run-comparison tbody tr").CountAsync() > 0);
            await ScreenshotAsync(page, "5-compare");

            // All runs, newest first, and one experiment's runs.
            await page.GotoAsync(new Uri(server.Url, "runs/").ToString());
            var rows = page.Locator("table.runs tbody tr");
            Assert.Equal(seeded.Results.Count + 1, await rows.CountAsync());
            Assert.Contains(SeededStore.RunningRunId, await rows.First.InnerTextAsync(), StringComparison.Ordinal);
            await page.GotoAsync(new Uri(server.Url, $"runs/?experiment={SeededStore.OtherExperiment}").ToString());
            Assert.Equal(1, await page.Locator("table.runs tbody tr").CountAsync());
            await ScreenshotAsync(page, "6-runs");
        }

        Assert.NotEmpty(requests);
        var elsewhere = requests.Where(url => Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "ws" or "wss"
            && !(IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))).ToList();
        Assert.True(elsewhere.Count == 0, "the dashboard made requests off this machine: " + string.Join(", ", elsewhere));
        Assert.Empty(Browser.ProcessesWith(marker));
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
