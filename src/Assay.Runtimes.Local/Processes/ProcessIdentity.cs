using System.Globalization;

namespace Assay.Runtimes.Local.Processes;

/// <summary>
/// A process as the kernel knows it: pid plus start time (in clock ticks since boot). Pids wrap within
/// minutes under load, so a pid alone never proves it is still the process the lab started.
/// </summary>
public sealed record ProcessIdentity(int Pid, long StartTicks, string Command)
{
    /// <summary>Reads a live process's identity; null when it does not exist (or has become a zombie).</summary>
    public static ProcessIdentity? Read(int pid)
    {
        var stat = ProcStat.Read(pid);
        return stat is null || stat.State == 'Z' ? null : new ProcessIdentity(pid, stat.StartTicks, stat.Command);
    }

    public static ProcessIdentity Current() =>
        Read(Environment.ProcessId) ?? throw new InvalidOperationException("Cannot read /proc/self/stat: is /proc mounted?");

    /// <summary>True when the same process (same pid and start time) is still alive.</summary>
    public bool IsAlive()
    {
        var now = Read(Pid);
        return now is not null && now.StartTicks == StartTicks;
    }
}

/// <summary>The fields of /proc/&lt;pid&gt;/stat the lab uses.</summary>
internal sealed record ProcStat(int Pid, string Command, char State, int ParentPid, int ProcessGroup, int Session, long UserTicks, long SystemTicks, long StartTicks, long ResidentPages)
{
    /// <summary>Clock ticks per second of utime/stime/starttime (sysconf(_SC_CLK_TCK), 100 on Linux).</summary>
    public const double TicksPerSecond = 100.0;

    public double CpuSeconds => (UserTicks + SystemTicks) / TicksPerSecond;

    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(text);
    }

    /// <summary>Parses a stat line; the command sits in parentheses and may itself contain spaces and ')'.</summary>
    public static ProcStat? Parse(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open) return null;
        var pid = int.Parse(text.AsSpan(0, open).Trim(), CultureInfo.InvariantCulture);
        var command = text[(open + 1)..close];
        var fields = text[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state) of proc(5); field N is fields[N - 3].
        long F(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
        return new ProcStat(pid, command, fields[0][0], (int)F(4), (int)F(5), (int)F(6), F(14), F(15), F(22), F(24));
    }
}
