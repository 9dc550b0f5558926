using System.Diagnostics;
using Assay.Runtimes.Local.Deployment;

namespace Assay.Runtimes.Local.Tests;

public sealed class BinaryVersionTests
{
    [Fact(Timeout = 10_000)]
    public async Task The_first_line_printed_is_the_version_and_stderr_counts_when_stdout_is_empty()
    {
        Assert.Equal("tool 1.2.3", await BinaryVersion.ReadAsync("/bin/sh", ["-c", "echo 'tool 1.2.3'; echo 'built by x'"], CancellationToken.None));
        Assert.Equal("tool 4.5", await BinaryVersion.ReadAsync("/bin/sh", ["-c", "echo 'tool 4.5' >&2"], CancellationToken.None));
        Assert.Null(await BinaryVersion.ReadAsync("/bin/sh", [], CancellationToken.None));
        Assert.Null(await BinaryVersion.ReadAsync("/nonexistent/tool", ["--version"], CancellationToken.None));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_binary_that_hangs_gives_no_version_and_is_not_left_running()
    {
        // A duration no other process has on its command line: both the shell and its sleep carry it.
        var marker = $"60.{Random.Shared.Next(100_000, 999_999)}";
        var started = Stopwatch.StartNew();

        var version = await BinaryVersion.ReadAsync("/bin/sh", ["-c", $"sleep {marker}; true"], CancellationToken.None);

        Assert.Null(version);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "cmdline")),
            path => File.Exists(path) && SafeRead(path).Contains(marker, StringComparison.Ordinal));
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
