using System.Globalization;
using Assay.Runtimes.Local.Processes;

namespace Assay.Runtimes.Local.Cgroups;

/// <summary>Small helpers over cgroup pseudo-files, shared by the v1 and v2 backends.</summary>
internal static class CgroupFiles
{
    public static long ReadLong(string path) =>
        long.Parse(File.ReadAllText(path).AsSpan().Trim(), CultureInfo.InvariantCulture);

    /// <summary>A value from a flat keyed file such as memory.stat or cpu.stat; 0 when absent.</summary>
    public static long ReadKey(string path, string key)
    {
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.AsSpan(0, space).SequenceEqual(key))
                return long.Parse(line.AsSpan(space + 1).Trim(), CultureInfo.InvariantCulture);
        }
        return 0;
    }

    public static IReadOnlyList<int> ReadPids(string procsFile)
    {
        try
        {
            return [.. File.ReadAllLines(procsFile).Where(l => l.Length > 0).Select(l => int.Parse(l, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>SIGKILLs every process listed in a cgroup.procs file until it is empty (bounded to a few seconds).</summary>
    public static void KillAll(string procsFile)
    {
        var deadline = Environment.TickCount64 + 5000;
        while (Environment.TickCount64 < deadline)
        {
            var pids = ReadPids(procsFile);
            if (pids.Count == 0) return;
            foreach (var pid in pids) Posix.Signal(pid, Posix.SigKill);
            Thread.Sleep(20);
        }
    }

    /// <summary>Removes a cgroup directory, retrying while the kernel still counts exiting processes.</summary>
    public static void Remove(string directory)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                if (!Directory.Exists(directory)) return;
                // cgroup directories are removed with rmdir even though they list files.
                Directory.Delete(directory, recursive: false);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    public static bool TryWrite(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
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
