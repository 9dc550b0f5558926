using System.Diagnostics;

namespace Assay.Runtimes.Local.Deployment;

/// <summary>What a catalog binary says its version is: the first line it prints with its version arguments.</summary>
public static class BinaryVersion
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The first line the binary prints (some print to stderr), or null when it has no version arguments or does not answer in 5 s.</summary>
    public static async Task<string?> ReadAsync(string binary, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0) return null;
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(info);
            if (process is null) return null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                var text = (await stdout).Trim();
                if (text.Length == 0) text = (await stderr).Trim();
                return text.Split('\n').FirstOrDefault()?.Trim() is { Length: > 0 } line ? line : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A binary that hangs on --version: no version, and not left running.
                process.Kill(entireProcessTree: true);
                return null;
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
    }
}
