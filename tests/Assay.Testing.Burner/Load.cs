namespace Assay.Testing.Burner;

/// <summary>The work that makes the burner's CPU time and resident memory predictable.</summary>
internal static class Load
{
    private const int MiB = 1024 * 1024;
    private const int PageBytes = 4096;

    /// <summary>Allocates <paramref name="mib"/> MiB and writes one byte per page so that all of it is resident.</summary>
    public static byte[][] TouchMemory(int mib)
    {
        var blocks = new byte[mib][];
        for (var b = 0; b < mib; b++)
        {
            // Uninitialised: the runtime would otherwise be free to hand out untouched zero pages.
            var block = GC.AllocateUninitializedArray<byte>(MiB);
            for (var offset = 0; offset < block.Length; offset += PageBytes)
            {
                block[offset] = 1;
            }

            blocks[b] = block;
        }

        return blocks;
    }

    /// <summary>
    /// Spins on this thread until the whole process has used <paramref name="target"/> of CPU time (user + system,
    /// start-up included), and returns the total it reached.
    /// </summary>
    public static TimeSpan BurnCpuUntil(TimeSpan target, CancellationToken cancellationToken)
    {
        var spin = 1UL;
        while (Environment.CpuUsage.TotalTime < target && !cancellationToken.IsCancellationRequested)
        {
            // A short burst of integer work between clock reads keeps the overshoot small.
            for (var i = 0; i < 100_000; i++)
            {
                spin = (spin * 6364136223846793005UL) + 1442695040888963407UL;
            }
        }

        GC.KeepAlive(spin);
        return Environment.CpuUsage.TotalTime;
    }
}
