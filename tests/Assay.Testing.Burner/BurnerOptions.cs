using System.Globalization;

namespace Assay.Testing.Burner;

/// <summary>The command line: how much CPU time to reach and how many MiB to keep resident (both 0 when not given).</summary>
internal sealed record BurnerOptions(double CpuSeconds, int MemoryMib)
{
    public static bool TryParse(string[] args, out BurnerOptions options, out string error)
    {
        options = new BurnerOptions(0, 0);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--cpu-seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0:
                    options = options with { CpuSeconds = seconds };
                    i++;
                    break;
                case "--memory-mib" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var mib):
                    options = options with { MemoryMib = mib };
                    i++;
                    break;
                default:
                    error = $"burner: cannot use '{args[i]}'{(value is null ? "" : $" '{value}'")}: expected --cpu-seconds <seconds ≥ 0> or --memory-mib <whole MiB>.";
                    return false;
            }
        }

        return true;
    }
}
