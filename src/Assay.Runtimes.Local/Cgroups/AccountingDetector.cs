namespace Assay.Runtimes.Local.Cgroups;

/// <summary>
/// Picks the best accounting this machine allows: cgroup v2 when the unified hierarchy has the cpu
/// and memory controllers and is writable, else cgroup v1 when its cpuacct and memory controllers
/// are mounted and writable, else /proc sampling.
/// </summary>
public static class AccountingDetector
{
    /// <summary>The folder name of the lab's groups under each hierarchy.</summary>
    public const string GroupName = "assay";

    public static IAccountingBackend Detect()
    {
        var mounts = CgroupMounts.Read();
        return TryV2(mounts) ?? TryV1(mounts) ?? new ProcfsBackend();
    }

    private static IAccountingBackend? TryV2(CgroupMounts mounts)
    {
        if (mounts.Unified is null) return null;
        var controllersFile = Path.Combine(mounts.Unified, "cgroup.controllers");
        if (!File.Exists(controllersFile)) return null;
        var controllers = File.ReadAllText(controllersFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!controllers.Contains("cpu") || !controllers.Contains("memory")) return null;

        // Processes may not live in a group whose controllers are delegated to children, so the lab's
        // groups hang off the hierarchy root, beside the lab's own group, not under it.
        var baseDirectory = Path.Combine(mounts.Unified, GroupName);
        if (!CanCreate(baseDirectory)) return null;
        CgroupFiles.TryWrite(Path.Combine(mounts.Unified, "cgroup.subtree_control"), "+cpu +memory");
        CgroupFiles.TryWrite(Path.Combine(baseDirectory, "cgroup.subtree_control"), "+cpu +memory");
        return new CgroupV2Backend(baseDirectory);
    }

    private static IAccountingBackend? TryV1(CgroupMounts mounts)
    {
        var cpuacct = mounts.V1Base("cpuacct");
        var memory = mounts.V1Base("memory");
        if (cpuacct is null || memory is null) return null;
        var cpuacctBase = Path.Combine(cpuacct, GroupName);
        var memoryBase = Path.Combine(memory, GroupName);
        if (!CanCreate(cpuacctBase) || !CanCreate(memoryBase)) return null;
        var cpu = mounts.V1Base("cpu");
        var cpuBase = cpu is null ? null : Path.Combine(cpu, GroupName);
        if (cpuBase is not null && !CanCreate(cpuBase)) cpuBase = null;
        return new CgroupV1Backend(cpuacctBase, memoryBase, cpuBase);
    }

    private static bool CanCreate(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $"probe-{Environment.ProcessId}");
            Directory.CreateDirectory(probe);
            CgroupFiles.Remove(probe);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
