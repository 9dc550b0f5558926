using Assay.Runtimes.Local.Cgroups;

namespace Assay.Runtimes.Local.Tests;

public sealed class CgroupMountsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assay-mounts-").FullName;

    [Fact]
    public void A_hybrid_machine_has_v1_controllers_under_the_process_own_group()
    {
        var mounts = Write("mounts", """
            tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0
            cgroup /sys/fs/cgroup/cpuacct cgroup rw,relatime,cpuacct 0 0
            cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0
            cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0
            cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0
            """);
        var own = Write("cgroup", """
            4:memory:/process_api/abc
            2:cpuacct:/
            1:cpu:/
            0::/
            """);

        var parsed = CgroupMounts.Read(mounts, own);

        Assert.Equal("/sys/fs/cgroup/unified", parsed.Unified);
        Assert.Equal("/sys/fs/cgroup/cpuacct", parsed.V1Base("cpuacct"));
        Assert.Equal("/sys/fs/cgroup/memory/process_api/abc", parsed.V1Base("memory"));
        Assert.Null(parsed.V1Base("cpuset"));
    }

    [Fact]
    public void Co_mounted_controllers_share_one_hierarchy()
    {
        var mounts = Write("mounts", "cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,cpu,cpuacct 0 0\n");
        var own = Write("cgroup", "3:cpu,cpuacct:/user.slice\n");

        var parsed = CgroupMounts.Read(mounts, own);

        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct/user.slice", parsed.V1Base("cpu"));
        Assert.Equal(parsed.V1Base("cpu"), parsed.V1Base("cpuacct"));
        Assert.Null(parsed.Unified);
    }

    [Fact]
    public void This_machine_gets_cgroup_accounting_when_run_as_root()
    {
        var backend = AccountingDetector.Detect();

        // CI and development machines run the suite as root with cgroups mounted: procfs would hide a regression.
        Assert.NotEqual(Core.Measurements.ResourceAccounting.Procfs, backend.Kind);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
