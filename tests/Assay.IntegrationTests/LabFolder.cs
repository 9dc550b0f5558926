using System.Text.Json.Nodes;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Ledger;
using Assay.Runtimes.Local.Processes;
using Assay.Testing;

namespace Assay.IntegrationTests;

/// <summary>
/// A working directory of its own for one test: the CLI keeps its store, runs and ledgers in
/// <c>.assay/</c> under it. Helpers read what a run left and check that nothing else is left.
/// </summary>
public sealed class LabFolder : IDisposable
{
    public LabFolder()
    {
        Path = Directory.CreateTempSubdirectory("assay-lab-").FullName;
        // As a run folder is: a server that runs as another user (mosquitto) reads its rendered configuration
        // from its instance folder, so that user must be able to pass through (CreateTempSubdirectory makes it 0700).
        File.SetUnixFileMode(Path, (UnixFileMode)0b111_101_101);
    }

    public string Path { get; }

    public string State => System.IO.Path.Combine(Path, ".assay");

    public string Ledgers => System.IO.Path.Combine(State, "ledger");

    public Task<(int ExitCode, CliProcess Process)> RunAsync(TimeSpan timeout, params string[] args) =>
        CliProcess.RunAsync(Path, timeout, args);

    public CliProcess Start(params string[] args) => CliProcess.Start(Path, args);

    /// <summary>The ids of runs that have a folder, oldest first.</summary>
    public IReadOnlyList<string> RunIds() =>
        Directory.Exists(System.IO.Path.Combine(State, "runs"))
            ? [.. Directory.GetDirectories(System.IO.Path.Combine(State, "runs")).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).Select(n => n!)]
            : [];

    public string ResultPath(string runId) => System.IO.Path.Combine(State, "runs", runId, "result.json");

    public JsonObject Result(string runId) => JsonNode.Parse(File.ReadAllText(ResultPath(runId)))!.AsObject();

    /// <summary>What the ledgers of running runs hold right now (read while a run is going).</summary>
    public IReadOnlyList<LedgerEntry> LedgerEntries() =>
        Directory.Exists(Ledgers)
            ? [.. Directory.GetFiles(Ledgers, "*.json").Select(RunLedger.TryRead).OfType<LedgerDocument>().SelectMany(d => d.Entries)]
            : [];

    /// <summary>Waits until the ledger records a process whose command matches.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> WaitForProcessesAsync(Func<LedgerEntry, bool> match, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = LedgerEntries().Where(e => e.Kind == LedgerEntryKind.Process && match(e)).ToList();
            if (found.Count >= count) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the ledger never listed {count} matching process(es): {string.Join(", ", LedgerEntries())}");
    }

    /// <summary>
    /// Nothing of the run is left: no process it recorded, no cgroup of the run, no ledger, no data folder.
    /// </summary>
    public void AssertNothingLeft(string runId, IEnumerable<LedgerEntry> processesSeen)
    {
        foreach (var process in processesSeen.Where(p => p.Kind == LedgerEntryKind.Process))
        {
            var identity = new ProcessIdentity(process.Pid!.Value, process.StartTicks ?? 0, process.Command ?? "");
            Assert.False(identity.IsAlive(), $"process {process.Pid} ({process.Command}) of run {runId} is still running");
        }
        foreach (var directory in AccountingDetector.Detect().RunDirectories(runId))
            Assert.False(Directory.Exists(directory), $"cgroup {directory} of run {runId} is still there");
        Assert.Empty(Directory.Exists(Ledgers) ? Directory.GetFiles(Ledgers) : []);
        var runFolder = System.IO.Path.Combine(State, "runs", runId);
        if (Directory.Exists(runFolder))
            Assert.Empty(Directory.GetDirectories(runFolder, "data", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test would already have failed it; the folder is in /tmp.
        }
    }
}
