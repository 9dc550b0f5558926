using System.Globalization;
using System.Text.RegularExpressions;
using Assay.Apps.Tests.Running;

namespace Assay.Apps.Tests;

/// <summary>The burner is the known quantity against which Assay's CPU and memory accounting is checked.</summary>
public sealed partial class BurnerTests
{
    private const long MiB = 1024 * 1024;

    [Fact(Timeout = 90_000)]
    public async Task Burns_the_CPU_time_asked_for_keeps_the_memory_resident_and_exits_0_on_SIGTERM()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(80));
        var port = FreePort.Next();
        await using var burner = AppProcess.Start(
            RepoPaths.Burner,
            ["--cpu-seconds", "0.5", "--memory-mib", "64"],
            new Dictionary<string, string?> { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) });
        try
        {
            var line = await burner.WaitForFirstLineAsync(TimeSpan.FromSeconds(60), timeout.Token);
            var match = BurnedLine().Match(line);
            Assert.True(match.Success, $"unexpected first line: '{line}'");
            var burned = double.Parse(match.Groups["seconds"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            // It stops at the first clock read past the target; the overshoot is one burst of integer work.
            Assert.InRange(burned, 0.5, 0.75);
            Assert.Equal("64", match.Groups["mib"].Value);

            Assert.True(await FreePort.AcceptsAsync(port, timeout.Token), "the burner does not accept TCP connections on PORT");

            // What a /proc sampler sees: the memory is resident and the CPU time is there (100 Hz ticks, so ±10 ms).
            var status = await File.ReadAllTextAsync($"/proc/{burner.Id}/status", timeout.Token);
            Assert.True(Kilobytes(status, "RssAnon") * 1024 >= 64 * MiB, $"RssAnon below 64 MiB:\n{status}");
            Assert.True(CpuSecondsFromStat(await File.ReadAllTextAsync($"/proc/{burner.Id}/stat", timeout.Token)) >= 0.49);
        }
        finally
        {
            var exitCode = await burner.TerminateAsync(timeout.Token);
            Assert.True(exitCode == 0, $"burner exit code on SIGTERM: {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "none (still running)"}. Output:\n{burner.Output}");
            Assert.True(burner.HasExited);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Refuses_an_unknown_argument_with_exit_code_2()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var burner = AppProcess.Start(RepoPaths.Burner, ["--cpu-seconds", "lots"], new Dictionary<string, string?>());
        var exitCode = await burner.WaitForExitAsync(TimeSpan.FromSeconds(15), timeout.Token);

        Assert.Equal(2, exitCode);
        Assert.Contains("--cpu-seconds", burner.Output, StringComparison.Ordinal);
    }

    private static long Kilobytes(string status, string field)
    {
        var line = status.Split('\n').Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>utime + stime (fields 14 and 15 of /proc/PID/stat) in seconds, assuming the usual 100 ticks per second.</summary>
    private static double CpuSecondsFromStat(string stat)
    {
        // Fields after the command name, which is in parentheses and may contain spaces; field 3 is the first one after it.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }

    [GeneratedRegex(@"^burned (?<seconds>\d+\.\d+) touched (?<mib>\d+)$")]
    private static partial Regex BurnedLine();
}
