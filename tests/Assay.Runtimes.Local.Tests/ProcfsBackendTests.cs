using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Processes;

namespace Assay.Runtimes.Local.Tests;

/// <summary>The fallback without cgroups: a component is the session its process leads.</summary>
public sealed class ProcfsBackendTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assay-procfs-").FullName;

    [Fact(Timeout = 30_000)]
    public async Task It_counts_the_cpu_and_memory_of_the_whole_session_and_kills_it()
    {
        var backend = new ProcfsBackend();
        var group = backend.Create("run", "tree", ResourcePlan.Unlimited);
        // A parent that starts a busy child: both belong to the session the wrapper's setsid created.
        await using var process = await LocalProcess.StartAsync(new LaunchSpec(
            "/bin/sh", ["-c", "sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo child-done; sleep 60' & wait"],
            new Dictionary<string, string>(), _directory, Path.Combine(_directory, "out.log"), Path.Combine(_directory, "err.log"), [], null),
            CancellationToken.None);
        group.Attach(process.Pid);
        await WaitForAsync(() => File.ReadAllText(Path.Combine(_directory, "out.log")).Contains("child-done", StringComparison.Ordinal));

        var pids = group.Pids();
        var reading = group.Read();
        var ownSum = pids.Select(ProcStat.Read).OfType<ProcStat>().Sum(s => s.CpuSeconds);

        Assert.Equal(ResourceAccounting.Procfs, backend.Kind);
        Assert.True(pids.Count >= 3, $"expected the shell, the child shell and sleep, got {pids.Count}");
        Assert.Contains(process.Pid, pids);
        Assert.True(reading.CpuSeconds > 0.05, $"the child's loop burned CPU, read {reading.CpuSeconds}");
        Assert.Equal(ownSum, reading.CpuSeconds, 2);
        Assert.True(reading.MemoryBytes > 1 << 20);

        group.Destroy();
        Assert.Empty(group.Pids());
        Assert.All(pids, pid => Assert.Null(ProcessIdentity.Read(pid)));
    }

    [Fact]
    public void It_creates_nothing_on_disk_and_names_no_directories()
    {
        var backend = new ProcfsBackend();
        var group = backend.Create("run", "x", new ResourcePlan(1, 1 << 20, null));

        Assert.Empty(group.Directories);
        Assert.Empty(group.ProcsFiles);
        Assert.Empty(backend.RunDirectories("run"));
        Assert.Equal(new UsageReading(0, 0), group.Read()); // not attached: nothing to read
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if (condition()) return;
            }
            catch (FileNotFoundException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("condition never held");
    }
}
