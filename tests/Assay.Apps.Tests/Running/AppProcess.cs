using System.Diagnostics;
using System.Text;

namespace Assay.Apps.Tests.Running;

/// <summary>
/// A started binary under test: its output is captured, it is stopped with SIGTERM and expected to exit by itself,
/// and disposing it kills it (SIGKILL) if it is somehow still running, so no test leaves a process behind.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The first line the process writes to stdout; fails when it exits first or takes longer than <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForFirstLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var finished = await Task.WhenAny(_firstLine.Task, exited, Task.Delay(timeout, cancellationToken));
        return finished == _firstLine.Task
            ? await _firstLine.Task
            : throw new TimeoutException(
                $"{_process.StartInfo.FileName} wrote no line to stdout {(finished == exited ? "before it exited" : $"within {timeout}")}. Output:\n{Output}");
    }

    /// <summary>Starts <paramref name="executable"/>; <paramref name="environment"/> values of null remove a variable.</summary>
    public static AppProcess Start(string executable, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Variables the runner may carry that would change where or how an app listens.
        foreach (var name in new[] { "PORT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "APP_NAME", "SEED" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data, isStdout: true);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data, isStdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Sends SIGTERM and waits for the process to exit by itself; returns its exit code, or null if it did not.</summary>
    public Task<int?> TerminateAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            Signals.Terminate(_process.Id);
        }

        return WaitForExitAsync(StopGrace, cancellationToken);
    }

    /// <summary>Waits up to <paramref name="within"/> for the process to exit; returns its exit code, or null if it is still running.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(within);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(StopGrace);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line, bool isStdout)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (isStdout)
        {
            _firstLine.TrySetResult(line);
        }
    }
}
