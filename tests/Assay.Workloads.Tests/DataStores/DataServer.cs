using System.Globalization;
using Assay.Core.Plans;
using Assay.Runtimes.Local.Ledger;
using Assay.Runtimes.Local.Processes;
using Assay.Testing;

namespace Assay.Workloads.Tests.DataStores;

/// <summary>
/// A shipped catalog entry (postgresql, mariadb, redis, memcached) started once for a test class, as a run
/// starts it, and stopped with a check that it left nothing behind: no process, no data or temp folder, no
/// listener on its port.
/// </summary>
public abstract class DataServer(string entry) : IAsyncLifetime
{
    private static readonly string[] SocketTables = ["/proc/net/tcp", "/proc/net/tcp6"];

    private CatalogServer? _server;
    private IReadOnlyList<LedgerEntry> _ledger = [];

    public string Entry => entry;

    public TargetEndpoint Endpoint => Server.Endpoints()[0];

    public CatalogServer Server => _server ?? throw new InvalidOperationException($"The {entry} server is not started.");

    /// <summary>What the run's ledger lists for the server: its processes and its data and temp folders.</summary>
    public IReadOnlyList<LedgerEntry> Ledger => _ledger;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _server = await CatalogServer.StartAsync(entry, timeout.Token);
        _ledger = ReadLedger(_server.Folder);
    }

    public async Task DisposeAsync()
    {
        if (_server is null) return;
        var port = Endpoint.Address.Port;
        await _server.DisposeAsync();
        AssertNothingLeft(_ledger, port);
    }

    public static IReadOnlyList<LedgerEntry> ReadLedger(string folder) =>
        [.. Directory.GetFiles(Path.Combine(folder, "ledger"), "*.json").Select(RunLedger.TryRead).OfType<LedgerDocument>().SelectMany(d => d.Entries)];

    /// <summary>The processes are gone, the folders are gone and nothing listens on the port any more.</summary>
    public static void AssertNothingLeft(IReadOnlyList<LedgerEntry> ledger, int port)
    {
        Assert.Contains(ledger, e => e.Kind == LedgerEntryKind.Process);
        Assert.Contains(ledger, e => e.Kind == LedgerEntryKind.Directory);
        foreach (var process in ledger.Where(e => e.Kind == LedgerEntryKind.Process))
        {
            var identity = new ProcessIdentity(process.Pid!.Value, process.StartTicks ?? 0, process.Command ?? "");
            Assert.False(identity.IsAlive(), $"process {process.Pid} ({process.Command}) is still running");
        }
        foreach (var directory in ledger.Where(e => e.Kind == LedgerEntryKind.Directory))
            Assert.False(Directory.Exists(directory.Path), $"{directory.Path} is still there");
        Assert.Empty(Listeners(port));
    }

    /// <summary>The local addresses of TCP sockets listening on a port, from /proc/net/tcp and tcp6 (hex, as the kernel writes them).</summary>
    public static IReadOnlyList<string> Listeners(int port)
    {
        const string Listen = "0A";
        var suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        return [.. SocketTables
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 3 && fields[3] == Listen && fields[1].EndsWith(suffix, StringComparison.Ordinal))
            .Select(fields => fields[1])];
    }
}

public sealed class PostgresServer() : DataServer("postgresql");

public sealed class MariaDbServer() : DataServer("mariadb");

public sealed class RedisServer() : DataServer("redis");

public sealed class MemcachedServer() : DataServer("memcached");
