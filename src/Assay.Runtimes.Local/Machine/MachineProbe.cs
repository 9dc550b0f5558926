using System.Globalization;
using System.Runtime.InteropServices;
using Assay.Core.Results;

namespace Assay.Runtimes.Local.Machine;

/// <summary>Reads what a result records about the machine: host, OS, kernel, CPU model and count, memory.</summary>
public static class MachineProbe
{
    public static MachineInfo Read() => new(
        Environment.MachineName,
        OsName(),
        ReadFirstLine("/proc/sys/kernel/osrelease") ?? RuntimeInformation.OSDescription,
        CpuModel(),
        CpuSets.Online().Count,
        MemoryBytes());

    private static string OsName()
    {
        foreach (var line in SafeLines("/etc/os-release"))
            if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                return line["PRETTY_NAME=".Length..].Trim('"');
        return RuntimeInformation.OSDescription;
    }

    private static string CpuModel()
    {
        foreach (var line in SafeLines("/proc/cpuinfo"))
            if (line.StartsWith("model name", StringComparison.Ordinal))
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static long MemoryBytes()
    {
        foreach (var line in SafeLines("/proc/meminfo"))
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal)) continue;
            var kib = line["MemTotal:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim();
            return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }

    private static string? ReadFirstLine(string file) => SafeLines(file).FirstOrDefault()?.Trim();

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
