namespace Assay.Runtimes.Local.Cgroups;

/// <summary>
/// Where this machine mounts its cgroup hierarchies (from /proc/self/mounts) and where this process
/// sits in each (from /proc/self/cgroup).
/// </summary>
internal sealed class CgroupMounts
{
    private readonly Dictionary<string, string> _v1Mounts = [];
    private readonly Dictionary<string, string> _ownPaths = [];

    /// <summary>The cgroup2 mount point, if any.</summary>
    public string? Unified { get; private set; }

    public static CgroupMounts Read(string mountsFile = "/proc/self/mounts", string cgroupFile = "/proc/self/cgroup")
    {
        var result = new CgroupMounts();
        foreach (var line in SafeLines(mountsFile))
        {
            var fields = line.Split(' ');
            if (fields.Length < 4) continue;
            var mountPoint = fields[1];
            if (fields[2] == "cgroup2")
            {
                // A hybrid machine mounts cgroup2 at /sys/fs/cgroup/unified beside v1; a pure v2 one at /sys/fs/cgroup.
                if (result.Unified is null || mountPoint.Length < result.Unified.Length) result.Unified = mountPoint;
            }
            else if (fields[2] == "cgroup")
            {
                foreach (var option in fields[3].Split(','))
                    result._v1Mounts.TryAdd(option, mountPoint);
            }
        }
        foreach (var line in SafeLines(cgroupFile))
        {
            // hierarchy-id:controller-list:path
            var parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            foreach (var controller in parts[1].Split(','))
                if (controller.Length > 0) result._ownPaths.TryAdd(controller, parts[2]);
        }
        return result;
    }

    /// <summary>The directory of this process's own group in a v1 controller's hierarchy, or null if not mounted.</summary>
    public string? V1Base(string controller)
    {
        if (!_v1Mounts.TryGetValue(controller, out var mount)) return null;
        var own = _ownPaths.GetValueOrDefault(controller, "/").TrimStart('/');
        return own.Length == 0 ? mount : Path.Combine(mount, own);
    }

    private static IEnumerable<string> SafeLines(string file)
    {
        try
        {
            return File.ReadAllLines(file);
        }
        catch (IOException)
        {
            return [];
        }
    }
}
