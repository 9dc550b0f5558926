using System.Globalization;
using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Runtimes.Local.Cgroups;

/// <summary>
/// The unified hierarchy: one group per instance under <c>&lt;base&gt;/&lt;run&gt;/</c>, with the cpu
/// and memory controllers enabled down the path so limits apply and memory is counted.
/// </summary>
internal sealed class CgroupV2Backend(string baseDirectory) : IAccountingBackend
{
    private const long CpuPeriodMicroseconds = 100_000;

    public ResourceAccounting Kind => ResourceAccounting.CgroupV2;

    public IAccountingGroup Create(string runId, string name, ResourcePlan limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var run = Path.Combine(baseDirectory, runId);
        Directory.CreateDirectory(run);
        CgroupFiles.TryWrite(Path.Combine(run, "cgroup.subtree_control"), "+cpu +memory");
        var group = Path.Combine(run, name);
        Directory.CreateDirectory(group);
        if (limits.MemoryBytes is long bytes)
            File.WriteAllText(Path.Combine(group, "memory.max"), bytes.ToString(CultureInfo.InvariantCulture));
        if (limits.Cpus is double cpus)
            File.WriteAllText(Path.Combine(group, "cpu.max"),
                string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Ceiling(cpus * CpuPeriodMicroseconds)} {CpuPeriodMicroseconds}"));
        return new Group(group);
    }

    public IReadOnlyList<string> RunDirectories(string runId) => [Path.Combine(baseDirectory, runId)];

    public void RemoveRun(string runId) => CgroupFiles.Remove(Path.Combine(baseDirectory, runId));

    private sealed class Group(string directory) : IAccountingGroup
    {
        public IReadOnlyList<string> Directories => [directory];

        public IReadOnlyList<string> ProcsFiles => [Path.Combine(directory, "cgroup.procs")];

        public void Attach(int pid)
        {
        }

        public UsageReading Read()
        {
            var cpuMicroseconds = CgroupFiles.ReadKey(Path.Combine(directory, "cpu.stat"), "usage_usec");
            var current = CgroupFiles.ReadLong(Path.Combine(directory, "memory.current"));
            var inactiveFile = CgroupFiles.ReadKey(Path.Combine(directory, "memory.stat"), "inactive_file");
            return new UsageReading(cpuMicroseconds / 1e6, Math.Max(0, current - inactiveFile));
        }

        public IReadOnlyList<int> Pids() => CgroupFiles.ReadPids(Path.Combine(directory, "cgroup.procs"));

        public void Destroy()
        {
            // cgroup.kill (Linux 5.14+) kills the whole group at once; the loop covers older kernels.
            CgroupFiles.TryWrite(Path.Combine(directory, "cgroup.kill"), "1");
            CgroupFiles.KillAll(Path.Combine(directory, "cgroup.procs"));
            CgroupFiles.Remove(directory);
        }
    }
}
