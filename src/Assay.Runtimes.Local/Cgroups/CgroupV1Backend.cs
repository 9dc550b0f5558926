using System.Globalization;
using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Runtimes.Local.Cgroups;

/// <summary>
/// Legacy cgroup controllers mounted one per directory (cpuacct, memory, cpu). Each instance gets a
/// group in each, under the lab's own cgroup so the machine's hierarchy is respected:
/// <c>&lt;mount&gt;/&lt;own path&gt;/assay/&lt;run&gt;/&lt;instance&gt;</c>.
/// </summary>
internal sealed class CgroupV1Backend(string cpuacctBase, string memoryBase, string? cpuBase) : IAccountingBackend
{
    private const long CfsPeriodMicroseconds = 100_000;

    public ResourceAccounting Kind => ResourceAccounting.CgroupV1;

    public IAccountingGroup Create(string runId, string name, ResourcePlan limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var cpuacct = Path.Combine(cpuacctBase, runId, name);
        var memory = Path.Combine(memoryBase, runId, name);
        var directories = new List<string> { cpuacct, memory };
        Directory.CreateDirectory(cpuacct);
        Directory.CreateDirectory(memory);
        if (limits.MemoryBytes is long bytes)
            File.WriteAllText(Path.Combine(memory, "memory.limit_in_bytes"), bytes.ToString(CultureInfo.InvariantCulture));

        // The cpu controller is only needed to enforce a CPU limit; cpuacct measures either way.
        if (limits.Cpus is double cpus && cpuBase is not null && cpuBase != cpuacctBase)
        {
            var cpu = Path.Combine(cpuBase, runId, name);
            Directory.CreateDirectory(cpu);
            directories.Add(cpu);
            File.WriteAllText(Path.Combine(cpu, "cpu.cfs_period_us"), CfsPeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(Path.Combine(cpu, "cpu.cfs_quota_us"), ((long)Math.Ceiling(cpus * CfsPeriodMicroseconds)).ToString(CultureInfo.InvariantCulture));
        }
        else if (limits.Cpus is double sharedCpus && cpuBase == cpuacctBase)
        {
            File.WriteAllText(Path.Combine(cpuacct, "cpu.cfs_period_us"), CfsPeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(Path.Combine(cpuacct, "cpu.cfs_quota_us"), ((long)Math.Ceiling(sharedCpus * CfsPeriodMicroseconds)).ToString(CultureInfo.InvariantCulture));
        }
        return new Group(directories);
    }

    public IReadOnlyList<string> RunDirectories(string runId) =>
        [.. new[] { cpuacctBase, memoryBase, cpuBase }.OfType<string>().Distinct().Select(root => Path.Combine(root, runId))];

    public void RemoveRun(string runId)
    {
        foreach (var directory in RunDirectories(runId)) CgroupFiles.Remove(directory);
    }

    private sealed class Group(IReadOnlyList<string> directories) : IAccountingGroup
    {
        private readonly string _cpuacct = directories[0];
        private readonly string _memory = directories[1];

        public IReadOnlyList<string> Directories => directories;

        public IReadOnlyList<string> ProcsFiles => [.. directories.Select(d => Path.Combine(d, "cgroup.procs"))];

        public void Attach(int pid)
        {
        }

        public UsageReading Read()
        {
            var cpuNanoseconds = CgroupFiles.ReadLong(Path.Combine(_cpuacct, "cpuacct.usage"));
            var usage = CgroupFiles.ReadLong(Path.Combine(_memory, "memory.usage_in_bytes"));
            // Working set, as the kubelet and cAdvisor count it: usage minus reclaimable file cache.
            var inactiveFile = CgroupFiles.ReadKey(Path.Combine(_memory, "memory.stat"), "total_inactive_file");
            return new UsageReading(cpuNanoseconds / 1e9, Math.Max(0, usage - inactiveFile));
        }

        public IReadOnlyList<int> Pids() => CgroupFiles.ReadPids(Path.Combine(_cpuacct, "cgroup.procs"));

        public void Destroy()
        {
            foreach (var directory in directories) CgroupFiles.KillAll(Path.Combine(directory, "cgroup.procs"));
            foreach (var directory in directories) CgroupFiles.Remove(directory);
        }
    }
}
