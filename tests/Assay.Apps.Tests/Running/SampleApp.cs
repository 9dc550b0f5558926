using System.Globalization;

namespace Assay.Apps.Tests.Running;

/// <summary>
/// One of the sample apps started from <c>artifacts/apps/&lt;name&gt;/&lt;name&gt;</c> on a free loopback port,
/// with an <see cref="HttpClient"/> pointed at it. Disposing kills it if a test did not stop it.
/// </summary>
internal sealed class SampleApp : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private SampleApp(string name, AppProcess process, int port)
    {
        Name = name;
        Process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }

    public AppProcess Process { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the app with <c>PORT</c> set to a free port and waits until <c>GET /health</c> answers 200.</summary>
    public static Task<SampleApp> StartAsync(string name, CancellationToken cancellationToken, params (string Name, string? Value)[] environment) =>
        StartAsync(AppLaunch.Built(name), cancellationToken, environment);

    /// <inheritdoc cref="StartAsync(string, CancellationToken, ValueTuple{string, string}[])"/>
    public static Task<SampleApp> StartAsync(AppLaunch launch, CancellationToken cancellationToken, params (string Name, string? Value)[] environment)
    {
        var port = FreePort.Next();
        var variables = environment.ToDictionary(pair => pair.Name, pair => pair.Value);
        variables["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        return StartAsync(launch, port, [], variables, cancellationToken);
    }

    /// <summary>Starts the app exactly as given (the caller says how it learns <paramref name="port"/>) and waits for health.</summary>
    public static Task<SampleApp> StartAsync(
        string name, int port, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken) =>
        StartAsync(AppLaunch.Built(name), port, args, environment, cancellationToken);

    /// <inheritdoc cref="StartAsync(string, int, IReadOnlyList{string}, IReadOnlyDictionary{string, string}, CancellationToken)"/>
    public static async Task<SampleApp> StartAsync(
        AppLaunch launch, int port, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var app = new SampleApp(launch.Name, AppProcess.Start(launch.Executable, [.. launch.Args, .. args], environment), port);
        try
        {
            await app.WaitForHealthAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGTERM, then asserts the app exited by itself with code 0 (the host's graceful shutdown).</summary>
    public async Task StopAndAssertExitedAsync(CancellationToken cancellationToken)
    {
        var exitCode = await Process.TerminateAsync(cancellationToken);
        Assert.True(exitCode is not null, $"{Name} did not exit within {AppProcess.StopGrace} of SIGTERM. Output:\n{Process.Output}");
        Assert.True(exitCode == 0, $"{Name} exited with code {exitCode} on SIGTERM. Output:\n{Process.Output}");
        Assert.True(Process.HasExited);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
    }

    private async Task WaitForHealthAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        try
        {
            while (!await IsHealthyAsync(deadline.Token))
            {
                if (Process.HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited before it was healthy. Output:\n{Process.Output}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} was not healthy within {StartTimeout}. Output:\n{Process.Output}");
        }
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }
}
