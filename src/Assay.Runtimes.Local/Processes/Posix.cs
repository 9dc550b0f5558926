using System.Runtime.InteropServices;

namespace Assay.Runtimes.Local.Processes;

/// <summary>The few libc calls .NET does not expose: sending any signal, to a process or a process group.</summary>
internal static partial class Posix
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigInt = 2;
    private const int NoSuchProcess = 3; // ESRCH

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    /// <summary>Sends a signal; false when the process no longer exists.</summary>
    public static bool Signal(int pid, int signal)
    {
        if (pid <= 0) throw new ArgumentOutOfRangeException(nameof(pid), pid, "Refusing to signal a process group or every process by accident.");
        return kill(pid, signal) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;
    }

    /// <summary>Signals every process of the group led by <paramref name="groupId"/> (a session leader started with setsid).</summary>
    public static bool SignalGroup(int groupId, int signal)
    {
        if (groupId <= 1) throw new ArgumentOutOfRangeException(nameof(groupId), groupId, "Not a process group this lab started.");
        return kill(-groupId, signal) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;
    }
}
