namespace Assay.Runtimes.Local.Ledger;

/// <summary>What a run's ledger file holds: its owner and everything it started or created.</summary>
public sealed record LedgerDocument(string RunId, LedgerOwner Owner, IReadOnlyList<LedgerEntry> Entries);

/// <summary>The lab process that owns the run; a ledger whose owner is dead is reaped.</summary>
public sealed record LedgerOwner(int Pid, long StartTicks, DateTimeOffset StartedAt);

public enum LedgerEntryKind
{
    Process,
    Cgroup,
    Directory,
}

/// <summary>One thing to clean up: a process (pid with its start time), a cgroup directory or a data directory.</summary>
public sealed record LedgerEntry(LedgerEntryKind Kind, string? Path, int? Pid, long? StartTicks, string? Command);
