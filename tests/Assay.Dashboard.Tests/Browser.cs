using Microsoft.Playwright;

namespace Assay.Dashboard.Tests;

/// <summary>
/// Headless Debian chromium driven by Playwright. Playwright's own browser builds are never downloaded (the lab's
/// machines cannot fetch them): the system binary is launched, and a missing one fails the test rather than
/// skipping it. Every launch carries a marker argument so a test can check no browser process outlived it.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, string marker)
    {
        _playwright = playwright;
        _browser = browser;
        Marker = marker;
    }

    /// <summary>The argument every process of this browser has on its command line.</summary>
    public string Marker { get; }

    public static async Task<Browser> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it with scripts/setup test (Debian package chromium)");
        var marker = $"--assay-test-browser={Guid.NewGuid():N}";
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Timeout = 60_000,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", marker],
            });
            return new Browser(playwright, browser, marker);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(20_000);
        page.SetDefaultNavigationTimeout(20_000);
        return page;
    }

    /// <summary>Processes whose command line carries the marker: none once the browser is disposed.</summary>
    public static IReadOnlyList<int> ProcessesWith(string marker)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked: it is not left running.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read, so not a browser we started.
            }
        }
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }
        finally
        {
            _playwright.Dispose();
        }
    }
}
