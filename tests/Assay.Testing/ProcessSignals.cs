using System.Runtime.InteropServices;

namespace Assay.Testing;

/// <summary>Sends a signal to a process, as a user's kill(1) would.</summary>
public static partial class ProcessSignals
{
    public static void Send(int pid, int signal)
    {
        if (pid <= 1) throw new ArgumentOutOfRangeException(nameof(pid), pid, "Refusing to signal init or a process group.");
        if (kill(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
