using System.Globalization;

namespace Assay.Runtimes.Local.Machine;

/// <summary>cpuset lists as the kernel writes them (<c>0-3,6</c>) and the CPUs this machine has online.</summary>
public static class CpuSets
{
    public static IReadOnlyList<int> Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var cpus = new SortedSet<int>();
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                cpus.Add(int.Parse(part, CultureInfo.InvariantCulture));
                continue;
            }
            var from = int.Parse(part.AsSpan(0, dash), CultureInfo.InvariantCulture);
            var to = int.Parse(part.AsSpan(dash + 1), CultureInfo.InvariantCulture);
            for (var cpu = from; cpu <= to; cpu++) cpus.Add(cpu);
        }
        return [.. cpus];
    }

    public static string Format(IReadOnlyList<int> cpus) => string.Join(",", cpus);

    public static IReadOnlyList<int> Online()
    {
        const string file = "/sys/devices/system/cpu/online";
        return File.Exists(file) ? Parse(File.ReadAllText(file).Trim()) : [.. Enumerable.Range(0, Environment.ProcessorCount)];
    }
}
