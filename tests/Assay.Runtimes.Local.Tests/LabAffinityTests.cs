using System.Diagnostics;
using Assay.Runtimes.Local.Machine;
using Assay.Testing;

namespace Assay.Runtimes.Local.Tests;

public sealed class LabAffinityTests
{
    [Fact(Timeout = 30_000)]
    public async Task Every_thread_of_the_process_is_pinned_to_the_set()
    {
        // A .NET child has several threads (runtime, GC, finalizer, signal handling): each must move, not only the main one.
        var lastCpu = CpuSets.Online()[^1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var burner = Path.Combine(RepoPaths.Root, "artifacts", "test-apps", "burner", "burner");
        using var child = Process.Start(new ProcessStartInfo(burner, "--cpu-seconds 0") { RedirectStandardOutput = true })!;
        try
        {
            // Its one line says it is past start-up, waiting for a signal.
            Assert.StartsWith("burned", await child.StandardOutput.ReadLineAsync(CancellationToken.None), StringComparison.Ordinal);
            Assert.True(Directory.GetDirectories($"/proc/{child.Id}/task").Length > 1);

            var problem = LabAffinity.Pin(child.Id, lastCpu);

            Assert.Null(problem);
            foreach (var task in Directory.EnumerateDirectories($"/proc/{child.Id}/task"))
            {
                var status = await File.ReadAllLinesAsync(Path.Combine(task, "status"), CancellationToken.None);
                Assert.Contains($"Cpus_allowed_list:\t{lastCpu}", status);
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void A_set_that_is_not_a_cpu_list_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => LabAffinity.Pin(Environment.ProcessId, "one"));

        Assert.Contains("'one'", error.Message, StringComparison.Ordinal);
    }
}
