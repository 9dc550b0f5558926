using System.Runtime.InteropServices;
using Assay.Core.Units;

namespace Assay.Runtimes.Local.Machine;

/// <summary>
/// Pins the lab's own process (every thread it has, and so every thread they start) to a CPU set. With a placement,
/// the lab runs beside the load generator: its sampling, progress and storing then take CPU from the tool that measures,
/// never from the components being measured (bench/kv-redis-benchmark saw the unpinned lab on the server's CPU).
/// </summary>
public static partial class LabAffinity
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nint cpuSetSize, ulong[] mask);

    /// <summary>Pins every thread of this process to <paramref name="cpuSet"/> (a cpuset list); the threads it could not pin, as a message, or null.</summary>
    public static string? PinThisProcess(string cpuSet) => Pin(Environment.ProcessId, cpuSet);

    /// <summary>Pins every thread of process <paramref name="pid"/>; the threads it could not pin, as a message, or null.</summary>
    public static string? Pin(int pid, string cpuSet)
    {
        var cpus = CpuSetText.Parse(cpuSet) ?? throw new ArgumentException($"'{cpuSet}' is not a CPU list such as 1 or 0-3", nameof(cpuSet));
        var mask = new ulong[cpus.Max() / 64 + 1];
        foreach (var cpu in cpus) mask[cpu / 64] |= 1UL << (cpu % 64);
        var failed = new List<string>();
        // A thread that starts while these are pinned inherits its creator's mask; one that exits in between is gone.
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            var tid = int.Parse(Path.GetFileName(task), System.Globalization.CultureInfo.InvariantCulture);
            if (sched_setaffinity(tid, mask.Length * sizeof(ulong), mask) != 0 && Directory.Exists(task))
                failed.Add($"{tid} (errno {Marshal.GetLastPInvokeError()})");
        }
        return failed.Count == 0 ? null : $"could not pin threads {string.Join(", ", failed)} to CPUs {cpuSet}";
    }
}
