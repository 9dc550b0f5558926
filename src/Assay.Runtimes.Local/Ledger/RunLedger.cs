using System.Text.Json;
using Assay.Core.Results;
using Assay.Runtimes.Local.Processes;

namespace Assay.Runtimes.Local.Ledger;

/// <summary>
/// A write-ahead record of what a run has started: every cgroup and data directory is written down
/// before it is created, every process as soon as it has a pid. If the lab is killed (SIGKILL leaves
/// no chance to clean up), the next invocation finds this file with a dead owner and reaps it all.
/// The file is removed when the run has cleaned up after itself.
/// </summary>
public sealed class RunLedger : IDisposable
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly List<LedgerEntry> _entries = [];
    private readonly LedgerOwner _owner;
    private bool _closed;

    private RunLedger(string path, string runId, LedgerOwner owner)
    {
        _path = path;
        RunId = runId;
        _owner = owner;
    }

    public string RunId { get; }

    /// <summary>Creates the ledger of a new run, owned by this process.</summary>
    public static RunLedger Open(string ledgerDirectory, string runId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Directory.CreateDirectory(ledgerDirectory);
        var self = ProcessIdentity.Current();
        var ledger = new RunLedger(Path.Combine(ledgerDirectory, runId + ".json"), runId, new LedgerOwner(self.Pid, self.StartTicks, time.GetUtcNow()));
        ledger.Save();
        return ledger;
    }

    public void RecordProcess(ProcessIdentity process)
    {
        ArgumentNullException.ThrowIfNull(process);
        Add(new LedgerEntry(LedgerEntryKind.Process, null, process.Pid, process.StartTicks, process.Command));
    }

    public void RecordCgroups(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        foreach (var d in directories) Add(new LedgerEntry(LedgerEntryKind.Cgroup, d, null, null, null));
    }

    public void RecordDirectory(string directory) =>
        Add(new LedgerEntry(LedgerEntryKind.Directory, directory, null, null, null));

    /// <summary>Drops entries that were cleaned up normally, so a later reap does not touch reused pids or paths.</summary>
    public void Forget(Func<LedgerEntry, bool> cleaned)
    {
        lock (_gate)
        {
            if (_closed) return;
            _entries.RemoveAll(e => cleaned(e));
            Save();
        }
    }

    /// <summary>Entries not yet cleaned up.</summary>
    public IReadOnlyList<LedgerEntry> Entries
    {
        get
        {
            lock (_gate) return [.. _entries];
        }
    }

    /// <summary>
    /// Closes the ledger. When everything it recorded was cleaned up the file is deleted; otherwise it
    /// stays, and the next invocation (once this process has ended) reaps what is left.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            if (_entries.Count == 0 && File.Exists(_path)) File.Delete(_path);
        }
    }

    public static LedgerDocument? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LedgerDocument>(File.ReadAllText(path), ResultJson.Options);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    private void Add(LedgerEntry entry)
    {
        lock (_gate)
        {
            if (_closed) throw new ObjectDisposedException(nameof(RunLedger), $"The ledger of run {RunId} is closed.");
            _entries.Add(entry);
            Save();
        }
    }

    private void Save()
    {
        // Write then rename: a reader (or a crash) never sees half a file.
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new LedgerDocument(RunId, _owner, [.. _entries]), ResultJson.Options));
        File.Move(temporary, _path, overwrite: true);
    }
}
