using System.Globalization;
using Assay.Apps.Tests.Checks;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

/// <summary>Where an app listens: PORT first (loopback), else --urls / ASPNETCORE_URLS. The Node.js twin follows the same rules.</summary>
public sealed class ListeningTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("demo-app")]
    [InlineData("demo-app-node")]
    public async Task PORT_wins_over_ASPNETCORE_URLS_and_binds_loopback_only(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var port = FreePort.Next();
        var ignoredPort = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ignoredPort.ToString(CultureInfo.InvariantCulture)}",
        };

        await using var app = await SampleApp.StartAsync(AppLaunch.Of(name), port, [], environment, timeout.Token);
        try
        {
            await CommonChecks.AnswersProbesAsync(app.Client, timeout.Token);
            Assert.False(await FreePort.AcceptsAsync(ignoredPort, timeout.Token), "the app also listens on ASPNETCORE_URLS although PORT was set");
            Assert.Equal(["127.0.0.1"], ListeningSockets.AddressesOn(port));
        }
        finally
        {
            await app.StopAndAssertExitedAsync(timeout.Token);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("hello-app", "hello-app")]
    [InlineData("demo-app-node", "demo-app")]
    public async Task Without_PORT_the_urls_argument_is_honoured(string name, string greets)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var port = FreePort.Next();
        string[] args = ["--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"];

        await using var app = await SampleApp.StartAsync(AppLaunch.Of(name), port, args, new Dictionary<string, string?>(), timeout.Token);
        try
        {
            await CommonChecks.AnswersGreetingAsync(app.Client, greets, timeout.Token);
        }
        finally
        {
            await app.StopAndAssertExitedAsync(timeout.Token);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("hello-app")]
    [InlineData("demo-app-node")]
    public async Task An_invalid_PORT_stops_the_app_with_a_message_that_names_it(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var launch = AppLaunch.Of(name);
        await using var app = AppProcess.Start(launch.Executable, launch.Args, new Dictionary<string, string?> { ["PORT"] = "http" });

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(40), timeout.Token);

        Assert.True(exitCode is not null and not 0, $"exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "none (still running)"}");
        Assert.Contains("PORT='http'", app.Output, StringComparison.Ordinal);
    }
}
