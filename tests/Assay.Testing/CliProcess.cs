using System.Diagnostics;
using System.Text;

namespace Assay.Testing;

/// <summary>
/// The real <c>assay</c> program started as a child process (the build beside the tests), with its
/// output captured, so tests can wait for a line, send it signals and read its exit code.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_gate) return _stdout.ToString();
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate) return _stderr.ToString();
        }
    }

    public string Output => Stdout + Stderr;

    /// <summary>Starts <c>dotnet assay.dll ARGS</c> in <paramref name="workingDirectory"/> with ASSAY_HOME set to the repository.</summary>
    public static CliProcess Start(string workingDirectory, params string[] args)
    {
        var assay = Path.Combine(AppContext.BaseDirectory, "assay.dll");
        if (!File.Exists(assay)) throw new InvalidOperationException($"{assay} is missing: the test project must reference Assay.Cli.");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assay);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ASSAY_HOME"] = RepoPaths.Root;
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "160";
        return new CliProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs the CLI to completion (bounded) and returns its exit code.</summary>
    public static async Task<(int ExitCode, CliProcess Process)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var process = Start(workingDirectory, args);
        var code = await process.WaitForExitAsync(timeout);
        return (code, process);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"assay did not exit within {timeout}. Output so far:\n{Output}");
        }
        // WaitForExitAsync returns after the output streams are drained too.
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; throws with the output on timeout or exit.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return;
            if (_process.HasExited)
                throw new InvalidOperationException($"assay exited ({_process.ExitCode}) before printing '{text}':\n{Output}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"'{text}' did not appear within {timeout}:\n{Output}");
    }

    public void Signal(int signal) => ProcessSignals.Send(_process.Id, signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null) return;
        lock (_gate) target.AppendLine(line);
    }
}
