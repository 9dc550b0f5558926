namespace Assay.Apps.Tests.Running;

/// <summary>
/// One app process shared by the tests of a class (starting one per test would spend the time on start-ups);
/// stopping it with SIGTERM and asserting it exited is the class's final check.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    private SampleApp? _app;

    internal SampleApp App => _app ?? throw new InvalidOperationException("The fixture has not started its app yet.");

    protected abstract string AppName { get; }

    /// <summary>How the app starts: its built binary unless a fixture says otherwise (a twin in another runtime).</summary>
    protected virtual AppLaunch Launch => AppLaunch.Built(AppName);

    protected virtual (string Name, string? Value)[] Environment => [];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(SampleApp.StartTimeout * 2);
        _app = await SampleApp.StartAsync(Launch, timeout.Token, Environment);
    }

    public async Task DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(AppProcess.StopGrace * 2);
            await _app.StopAndAssertExitedAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
