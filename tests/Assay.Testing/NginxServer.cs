using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Assay.Testing;

/// <summary>
/// A real nginx (Debian's package) for tests: its own temp folder with a generated nginx.conf
/// (<c>daemon off</c>, one worker, pid, logs and temp paths inside the folder), listening on
/// 127.0.0.1 on a free port, with one location answering a fixed body. Disposing stops it gracefully
/// (SIGQUIT), then forcefully (SIGKILL, master and workers), and removes the folder.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    /// <summary>The body nginx returns for every request: 13 bytes, the classic benchmark response.</summary>
    public const string DefaultBody = "Hello, World!";

    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    private static readonly string[] Candidates = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx"];

    private readonly Process _process;
    private int _disposed;
    private bool _exited;

    private NginxServer(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>The master process; its workers are its children.</summary>
    public int MasterPid => _process.Id;

    /// <summary>Whether the master process has exited (always true once disposed).</summary>
    public bool HasExited => _exited || _process.HasExited;

    /// <summary>Finds nginx, or says how to install it.</summary>
    public static string FindBinary() =>
        Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed; install it with 'apt-get install -y nginx' (as root).");

    /// <summary>Starts nginx on a free port and waits until it accepts connections.</summary>
    public static async Task<NginxServer> StartAsync(CancellationToken cancellationToken, string body = DefaultBody)
    {
        var binary = FindBinary();
        // A free port can be taken between probing and nginx binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("assay-nginx-").FullName;
            var port = FreePort();
            var config = Path.Combine(folder, "nginx.conf");
            await File.WriteAllTextAsync(config, Config(folder, port, body), cancellationToken);
            var start = new ProcessStartInfo(binary)
            {
                ArgumentList = { "-p", folder + "/", "-c", config, "-e", Path.Combine(folder, "error.log") },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException($"nginx ({binary}) did not start.");
            // nginx logs to its error.log; whatever it prints is drained so a full pipe never blocks it.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new NginxServer(process, folder, port);
            if (await server.WaitReadyAsync(cancellationToken)) return server;
            var log = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log"), cancellationToken) : "";
            await server.DisposeAsync();
            if (attempt == 3 || !log.Contains("Address already in use", StringComparison.Ordinal))
                throw new InvalidOperationException($"nginx did not become ready on port {port}: {log}");
        }
    }

    /// <summary>The worker processes of the master (children in /proc).</summary>
    public IReadOnlyList<int> WorkerPids() => ChildrenOf(MasterPid);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        var workers = _process.HasExited ? [] : WorkerPids();
        if (!_process.HasExited)
        {
            await SignalAsync(_process.Id, "QUIT"); // graceful: finish requests, then exit
            using var grace = new CancellationTokenSource(GracePeriod);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        foreach (var worker in workers) KillIfNginx(worker);
        _exited = true;
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker that has not quite gone may still hold a log file; the folder is in /tmp.
        }
    }

    private static string Config(string folder, int port, string body) => $$"""
        daemon off;
        master_process on;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 4096; }
        http {
            access_log {{folder}}/access.log;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    default_type text/plain;
                    return 200 "{{body.Replace("\"", "\\\"", StringComparison.Ordinal)}}";
                }
            }
        }
        """;

    private async Task<bool> WaitReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (5 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !_process.HasExited)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                // The master binds the port before it forks its worker: ready means a worker exists to serve (and to be
                // found by WorkerPids), not only a socket that accepts into its backlog.
                if (ChildrenOf(_process.Id).Count > 0) return true;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            await Task.Delay(20, cancellationToken);
        }
        return false;
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent) children.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return children;
    }

    private static void KillIfNginx(int pid)
    {
        // Pids wrap quickly under load: only kill a process that is still nginx.
        try
        {
            if (File.ReadAllText($"/proc/{pid}/comm").Trim() != "nginx") return;
            using var worker = Process.GetProcessById(pid);
            worker.Kill();
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Sends a signal with kill(1): .NET can only send SIGKILL (and SIGTERM) itself.</summary>
    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill(1) did not start.");
        await kill.WaitForExitAsync(CancellationToken.None);
    }
}
