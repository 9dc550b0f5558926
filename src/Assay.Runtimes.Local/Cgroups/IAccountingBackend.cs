using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Runtimes.Local.Cgroups;

/// <summary>
/// How the local runtime groups a component's processes to measure them: a cgroup v2 or v1 per
/// instance, or (unprivileged, no cgroups) the process tree read from /proc.
/// </summary>
public interface IAccountingBackend
{
    ResourceAccounting Kind { get; }

    /// <summary>
    /// Creates the accounting group of one instance under the run's group, with its limits applied
    /// (where the backend can enforce them). <paramref name="name"/> is a single path segment.
    /// </summary>
    IAccountingGroup Create(string runId, string name, ResourcePlan limits);

    /// <summary>The run's parent groups (one per hierarchy), where instance groups are created.</summary>
    IReadOnlyList<string> RunDirectories(string runId);

    /// <summary>Removes the run's own parent group once its instances are gone; never throws.</summary>
    void RemoveRun(string runId);
}

/// <summary>One instance's accounting group.</summary>
public interface IAccountingGroup
{
    /// <summary>Directories this group created (for the ledger); empty for procfs.</summary>
    IReadOnlyList<string> Directories { get; }

    /// <summary>Files a process writes its pid into to join the group before exec.</summary>
    IReadOnlyList<string> ProcsFiles { get; }

    /// <summary>Tells a procfs group which process tree to follow; cgroups ignore it.</summary>
    void Attach(int pid);

    /// <summary>Cumulative CPU seconds and current working-set bytes of everything in the group.</summary>
    UsageReading Read();

    /// <summary>The processes in the group now.</summary>
    IReadOnlyList<int> Pids();

    /// <summary>Kills whatever is still in the group and removes it; safe to repeat, never throws.</summary>
    void Destroy();
}

/// <summary>A single reading of a group.</summary>
public readonly record struct UsageReading(double CpuSeconds, long MemoryBytes);
