using Assay.Engine.Storage;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Processes;

namespace Assay.Runtimes.Local.Ledger;

/// <summary>What reaping one abandoned run did.</summary>
public sealed record ReapedRun(string RunId, int OwnerPid, int ProcessesKilled, int CgroupsRemoved, int DirectoriesRemoved);

/// <summary>
/// Finds ledgers whose owning lab process is gone and cleans up after it: kills its processes (only
/// when pid and start time still match), empties and removes its cgroups, deletes its data folders,
/// and marks the run aborted in the store.
/// </summary>
public static class Reaper
{
    public static async Task<IReadOnlyList<ReapedRun>> ReapAsync(string ledgerDirectory, IRunStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (!Directory.Exists(ledgerDirectory)) return [];
        var reaped = new List<ReapedRun>();
        foreach (var file in Directory.EnumerateFiles(ledgerDirectory, "*.json"))
        {
            var ledger = RunLedger.TryRead(file);
            if (ledger is null) continue;
            var owner = new ProcessIdentity(ledger.Owner.Pid, ledger.Owner.StartTicks, "");
            if (owner.IsAlive()) continue;

            var result = Reap(ledger);
            reaped.Add(result);
            var reason = $"the lab process (pid {ledger.Owner.Pid}) ended without cleaning up; reaped by pid {Environment.ProcessId}: "
                + $"{result.ProcessesKilled} process(es) stopped, {result.CgroupsRemoved} cgroup(s) and {result.DirectoriesRemoved} data folder(s) removed";
            await store.MarkAbortedAsync(ledger.RunId, reason, time.GetUtcNow(), cancellationToken);
            File.Delete(file);
        }
        return reaped;
    }

    private static ReapedRun Reap(LedgerDocument ledger)
    {
        var killed = 0;
        foreach (var entry in ledger.Entries.Where(e => e.Kind == LedgerEntryKind.Process))
        {
            var identity = new ProcessIdentity(entry.Pid!.Value, entry.StartTicks ?? 0, entry.Command ?? "");
            if (!identity.IsAlive()) continue;
            Posix.SignalGroup(identity.Pid, Posix.SigKill);
            Posix.Signal(identity.Pid, Posix.SigKill);
            killed++;
        }

        // Deepest first, so an instance's group goes before its run's parent group.
        var cgroups = ledger.Entries.Where(e => e.Kind == LedgerEntryKind.Cgroup).Select(e => e.Path!).Distinct()
            .OrderByDescending(p => p.Length).ToList();
        var removed = 0;
        foreach (var cgroup in cgroups)
        {
            if (!Directory.Exists(cgroup)) continue;
            CgroupFiles.KillAll(Path.Combine(cgroup, "cgroup.procs"));
            CgroupFiles.Remove(cgroup);
            if (!Directory.Exists(cgroup)) removed++;
        }

        var directories = 0;
        foreach (var entry in ledger.Entries.Where(e => e.Kind == LedgerEntryKind.Directory))
        {
            try
            {
                if (!Directory.Exists(entry.Path)) continue;
                Directory.Delete(entry.Path!, recursive: true);
                directories++;
            }
            catch (IOException)
            {
                // Left for the next reap; it is only data.
            }
        }
        return new ReapedRun(ledger.RunId, ledger.Owner.Pid, killed, removed, directories);
    }
}
