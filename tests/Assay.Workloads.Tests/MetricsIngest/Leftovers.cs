using System.Net.Sockets;

namespace Assay.Workloads.Tests.MetricsIngest;

/// <summary>What a stopped server could have left: processes still naming its folder, ports still open.</summary>
internal static class Leftovers
{
    public static IReadOnlyList<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Contains(text, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException)
            {
                // Exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }
        return found;
    }

    public static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The local addresses listening on the given ports, from /proc/net/tcp and tcp6 (hex, little-endian IPv4).</summary>
    public static IReadOnlyList<string> ListeningAddresses(IEnumerable<int> ports)
    {
        var wanted = ports.ToHashSet();
        var addresses = new List<string>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 4 || fields[3] != "0A") continue; // 0A = LISTEN
                var local = fields[1].Split(':');
                var port = Convert.ToInt32(local[1], 16);
                if (!wanted.Contains(port)) continue;
                addresses.Add(local[0].Length == 8
                    ? string.Join('.', Convert.FromHexString(local[0]).Reverse())
                    : $"ipv6:{local[0]}");
            }
        }
        return addresses;
    }
}
