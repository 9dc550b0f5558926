using System.Globalization;

namespace Assay.Core.Units;

/// <summary>Linux cpuset lists as the kernel writes them: <c>0</c>, <c>1-3</c>, <c>0,2-3</c>.</summary>
public static class CpuSetText
{
    public const string Hint = "write CPU numbers and ranges separated by commas, e.g. \"0\", \"1-3\" or \"0,2\"";

    /// <summary>The CPUs a list names, or null when the text is not a cpuset list.</summary>
    public static SortedSet<int>? Parse(string text)
    {
        var cpus = new SortedSet<int>();
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var part in text.Split(','))
        {
            var bounds = part.Trim().Split('-');
            if (bounds.Length is < 1 or > 2) return null;
            if (!TryCpu(bounds[0], out var first)) return null;
            var last = first;
            if (bounds.Length == 2 && !TryCpu(bounds[1], out last)) return null;
            if (last < first) return null;
            for (var cpu = first; cpu <= last; cpu++) cpus.Add(cpu);
        }
        return cpus;
    }

    /// <summary>The set written back compactly, e.g. <c>0-2,5</c>.</summary>
    public static string Format(IEnumerable<int> cpus)
    {
        var parts = new List<string>();
        int? start = null, previous = null;
        foreach (var cpu in cpus.Order())
        {
            if (previous is int p && cpu == p + 1)
            {
                previous = cpu;
                continue;
            }
            if (start is int s) parts.Add(Range(s, previous!.Value));
            start = previous = cpu;
        }
        if (start is int first) parts.Add(Range(first, previous!.Value));
        return string.Join(',', parts);
    }

    private static string Range(int from, int to) => from == to
        ? from.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{from}-{to}");

    // 4096 is the kernel's largest NR_CPUS; beyond it a number is a typo, and the loop above stays small.
    private static bool TryCpu(string text, out int cpu) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && cpu < 4096;
}
