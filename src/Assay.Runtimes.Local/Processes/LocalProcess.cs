using System.Diagnostics;

namespace Assay.Runtimes.Local.Processes;

/// <summary>
/// A started process. It runs in its own session (so a Ctrl-C at the terminal reaches the lab, which
/// then stops it in order), joins its cgroups before exec, and writes its output to files. Stopping is
/// graceful first, forceful after the grace period; disposing stops it and is safe to repeat.
/// </summary>
public sealed class LocalProcess : IAsyncDisposable
{
    // Joins the cgroups and redirects output, then execs the chain built in BuildChain (setsid, taskset,
    // setpriv, the program): each step is an exec, so the pid the lab holds is the program's own pid.
    private const string Wrapper = """
        n=$1; shift
        while [ "$n" -gt 0 ]; do
          echo $$ > "$1" || { echo "assay: cannot join cgroup $1" >&2; exit 97; }
          shift; n=$((n-1))
        done
        out=$1; err=$2; shift 2
        [ "$out" = "-" ] || exec >"$out"
        exec 2>"$err" </dev/null
        exec "$@"
        """;

    private readonly Process _process;
    private readonly LaunchSpec _spec;
    private int _disposed;

    private LocalProcess(Process process, LaunchSpec spec, ProcessIdentity identity)
    {
        _process = process;
        _spec = spec;
        Identity = identity;
        Exited = WaitAsync();
    }

    public ProcessIdentity Identity { get; }

    public int Pid => Identity.Pid;

    /// <summary>Completes with the exit code when the process ends (128 + signal when killed by one).</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    /// <summary>Standard output when <see cref="LaunchSpec.StdoutPath"/> was null; else null.</summary>
    public StreamReader? StandardOutput => _spec.StdoutPath is null ? _process.StandardOutput : null;

    /// <summary>
    /// Starts the process and returns once the wrapper has joined the cgroups and exec'd into the
    /// program, so the pid, command and group membership the caller sees are the program's.
    /// </summary>
    public static async Task<LocalProcess> StartAsync(LaunchSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = spec.StdoutPath is null,
            RedirectStandardInput = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Wrapper);
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(spec.CgroupProcsFiles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in spec.CgroupProcsFiles) info.ArgumentList.Add(file);
        info.ArgumentList.Add(spec.StdoutPath ?? "-");
        info.ArgumentList.Add(spec.StderrPath);
        foreach (var arg in BuildChain(spec)) info.ArgumentList.Add(arg);
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;

        var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start {spec.FileName}.");
        await WaitForExecAsync(process, string.Join('\0', [spec.FileName, .. spec.Args]), cancellationToken);
        // The exec chain keeps the pid and its start time; only the command changes along the way.
        var identity = ProcessIdentity.Read(process.Id) ?? new ProcessIdentity(process.Id, 0, Path.GetFileName(spec.FileName));
        return new LocalProcess(process, spec, identity);
    }

    /// <summary>The exec chain: a new session, CPU pinning, a change of user, then the program and its arguments.</summary>
    private static IEnumerable<string> BuildChain(LaunchSpec spec)
    {
        if (spec.NewSession) yield return "setsid";
        if (spec.CpuSet is { } cpus)
        {
            yield return "taskset";
            yield return "-c";
            yield return cpus;
        }
        if (spec.RunAs is { } user)
        {
            // The user's own primary group: a user's group is not always named after it (nobody: nogroup).
            var account = SystemUser.Find(user)
                ?? throw new InvalidOperationException($"There is no system user '{user}' to run {spec.FileName} as; install the package that creates it.");
            yield return "setpriv";
            yield return $"--reuid={account.Uid}";
            yield return $"--regid={account.Gid}";
            // The environment stays: the entry's variables (and HOME, which an entry sets when its server needs one) pass through.
            yield return "--init-groups";
        }
        yield return spec.FileName;
        foreach (var arg in spec.Args) yield return arg;
    }

    private static async Task WaitForExecAsync(Process process, string commandLine, CancellationToken cancellationToken)
    {
        var cmdline = $"/proc/{process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/cmdline";
        var deadline = Environment.TickCount64 + 5000;
        while (!process.HasExited && Environment.TickCount64 < deadline)
        {
            try
            {
                var text = await File.ReadAllTextAsync(cmdline, cancellationToken);
                if (text.TrimEnd('\0') == commandLine) return;
            }
            catch (IOException)
            {
                return; // Gone already: the caller sees the exit.
            }
            await Task.Delay(1, cancellationToken);
        }
    }

    /// <summary>The end of the process's stderr and stdout files.</summary>
    public string LogTail(int lines = 20)
    {
        var tail = Processes.LogTail.Read([_spec.StderrPath, _spec.StdoutPath], lines);
        var files = string.Join(" and ", new[] { _spec.StderrPath, _spec.StdoutPath }.OfType<string>().Select(Path.GetFileName));
        return tail.Length > 0 ? tail : $"({files} are empty: the process wrote nothing before it ended)";
    }

    /// <summary>
    /// Sends <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills the process
    /// group. Returns the exit code, or null if the process would not die.
    /// </summary>
    public async Task<int?> StopAsync(int signal, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!HasExited)
        {
            Posix.Signal(Pid, signal);
            await WaitAsync(grace, cancellationToken);
        }
        if (!HasExited)
        {
            Posix.SignalGroup(Pid, Posix.SigKill);
            Posix.Signal(Pid, Posix.SigKill);
            await WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        return HasExited ? await Exited : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(5), CancellationToken.None);
        _process.Dispose();
    }

    private async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Exited.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still running: the caller escalates.
        }
    }

    private async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }
}
