using Assay.Core.Units;

namespace Assay.Runtimes.Local.Machine;

/// <summary>The CPUs this machine has online, as cpuset lists are read (<see cref="CpuSetText"/>).</summary>
public static class CpuSets
{
    public static IReadOnlyList<int> Online()
    {
        const string file = "/sys/devices/system/cpu/online";
        var online = File.Exists(file) ? CpuSetText.Parse(File.ReadAllText(file).Trim()) : null;
        return online is null ? [.. Enumerable.Range(0, Environment.ProcessorCount)] : [.. online];
    }
}
