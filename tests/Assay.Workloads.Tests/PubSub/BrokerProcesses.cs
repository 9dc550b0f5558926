using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Assay.Workloads.Tests.PubSub;

/// <summary>
/// The processes of one started instance, found by its folder in their command line or environment, which
/// children inherit: a daemon that left the session (Erlang's epmd) is still found.
/// </summary>
internal static class BrokerProcesses
{
    public static IReadOnlyList<(int Pid, string Command)> Find(string marker)
    {
        var found = new List<(int, string)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(directory, "cmdline"));
                var environ = File.ReadAllText(Path.Combine(directory, "environ"));
                if (cmdline.Contains(marker, StringComparison.Ordinal) || environ.Contains(marker, StringComparison.Ordinal))
                    found.Add((pid, File.ReadAllText(Path.Combine(directory, "comm")).Trim()));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or a kernel thread.
            }
        }
        return found;
    }

    /// <summary>
    /// Whether the process still runs under that name. A killed daemon whose parent was init stays a zombie until
    /// init reaps it (this sandbox's init reaps late): it runs nothing and holds no port, so it does not count.
    /// </summary>
    public static bool IsRunning(int pid, string command)
    {
        try
        {
            if (File.ReadAllText($"/proc/{pid}/comm").Trim() != command) return false;
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state follows the command, which is in parentheses and may itself hold spaces or parentheses.
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The addresses the given processes listen on (TCP), from <c>ss</c>.</summary>
    public static IReadOnlyList<string> ListeningAddresses(IEnumerable<int> pids)
    {
        var wanted = pids.Select(p => string.Create(CultureInfo.InvariantCulture, $"pid={p},")).ToList();
        var info = new ProcessStartInfo("ss", "-Hltnp") { RedirectStandardOutput = true, UseShellExecute = false };
        using var ss = Process.Start(info)!;
        var output = new StringBuilder(ss.StandardOutput.ReadToEnd());
        ss.WaitForExit();
        return [.. output.ToString().Split('\n')
            .Where(line => wanted.Any(w => line.Contains(w, StringComparison.Ordinal)))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3])];
    }
}
