using System.Diagnostics;

namespace Assay.Testing;

/// <summary>
/// Debian's promtool (package prometheus), run on files tests write, bounded in time; the process has exited
/// when a call returns. A missing promtool throws with the command that installs it, failing the test: rules
/// nobody checked are not known to load.
/// </summary>
public static class Promtool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("promtool")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("promtool did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"promtool is not installed ({ex.Message}); install it with: apt-get install -y prometheus", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancellation = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                throw new TimeoutException($"promtool {string.Join(' ', args)} did not finish within {Timeout}");
            }
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
