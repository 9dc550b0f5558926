using System.Globalization;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Runtimes.Local.Processes;

namespace Assay.Runtimes.Local.Cgroups;

/// <summary>
/// The fallback without cgroups: an instance is the session its process leads (every component is
/// started with setsid), read from /proc. CPU of children that already exited is lost unless their
/// parent waited for them, memory is resident set size, and limits cannot be enforced: the result
/// says <c>procfs</c> so readers know.
/// </summary>
internal sealed class ProcfsBackend : IAccountingBackend
{
    private const long PageBytes = 4096;

    public ResourceAccounting Kind => ResourceAccounting.Procfs;

    public IAccountingGroup Create(string runId, string name, ResourcePlan limits) => new Group();

    public IReadOnlyList<string> RunDirectories(string runId) => [];

    public void RemoveRun(string runId)
    {
    }

    private sealed class Group : IAccountingGroup
    {
        private int _session;

        public IReadOnlyList<string> Directories => [];

        public IReadOnlyList<string> ProcsFiles => [];

        public void Attach(int pid) => _session = pid;

        public UsageReading Read()
        {
            double cpu = 0;
            long resident = 0;
            foreach (var stat in Members())
            {
                cpu += stat.CpuSeconds;
                resident += stat.ResidentPages * PageBytes;
            }
            return new UsageReading(cpu, resident);
        }

        public IReadOnlyList<int> Pids() => [.. Members().Select(s => s.Pid)];

        public void Destroy()
        {
            var deadline = Environment.TickCount64 + 5000;
            while (_session > 0 && Environment.TickCount64 < deadline)
            {
                var pids = Pids();
                if (pids.Count == 0) return;
                foreach (var pid in pids) Posix.Signal(pid, Posix.SigKill);
                Thread.Sleep(20);
            }
        }

        private IEnumerable<ProcStat> Members()
        {
            if (_session <= 0) yield break;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                var stat = ProcStat.Read(pid);
                if (stat is not null && stat.Session == _session && stat.State != 'Z') yield return stat;
            }
        }
    }
}
