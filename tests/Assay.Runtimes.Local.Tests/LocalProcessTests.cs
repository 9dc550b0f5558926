using Assay.Runtimes.Local.Cgroups;
using Assay.Runtimes.Local.Processes;

namespace Assay.Runtimes.Local.Tests;

public sealed class LocalProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assay-process-").FullName;

    [Fact(Timeout = 20_000)]
    public async Task The_pid_held_is_the_program_own_pid_and_it_leads_a_new_session()
    {
        await using var process = await LocalProcess.StartAsync(Spec("/bin/sleep", ["30"]), CancellationToken.None);

        var stat = ProcStat.Read(process.Pid)!;
        Assert.Equal("sleep", stat.Command);
        Assert.Equal(process.Pid, stat.Session);
        Assert.Equal(process.Pid, stat.ProcessGroup);

        var code = await process.StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal(128 + Posix.SigTerm, code);
        Assert.Null(ProcessIdentity.Read(process.Pid));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_process_that_ignores_the_stop_signal_is_killed_after_the_grace_period()
    {
        await using var process = await LocalProcess.StartAsync(Spec("/bin/sh", ["-c", "trap '' TERM; echo started; while :; do sleep 1; done"]), CancellationToken.None);
        await WaitForOutputAsync("started");

        var started = DateTime.UtcNow;
        var code = await process.StopAsync(Posix.SigTerm, TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.Equal(128 + Posix.SigKill, code);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Null(ProcessIdentity.Read(process.Pid));
    }

    [Fact(Timeout = 20_000)]
    public async Task Output_goes_to_files_and_the_log_tail_shows_both()
    {
        await using var process = await LocalProcess.StartAsync(Spec("/bin/sh", ["-c", "echo to-stdout; echo to-stderr >&2; exit 3"]), CancellationToken.None);

        Assert.Equal(3, await process.Exited);
        var tail = process.LogTail();
        Assert.Contains("to-stdout", tail, StringComparison.Ordinal);
        Assert.Contains("to-stderr", tail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_process_joins_its_cgroup_before_it_runs_and_is_pinned_to_its_cpus()
    {
        var backend = AccountingDetector.Detect();
        var runId = $"test-{Guid.NewGuid():N}";
        var group = backend.Create(runId, "pinned", Core.Plans.ResourcePlan.Unlimited);
        try
        {
            await using var process = await LocalProcess.StartAsync(Spec("/bin/sleep", ["30"]) with { CgroupProcsFiles = group.ProcsFiles, CpuSet = "0" }, CancellationToken.None);
            group.Attach(process.Pid);

            Assert.Contains(process.Pid, group.Pids());
            var allowed = File.ReadAllLines($"/proc/{process.Pid}/status").Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
            Assert.EndsWith("\t0", allowed, StringComparison.Ordinal);
        }
        finally
        {
            group.Destroy();
            backend.RemoveRun(runId);
        }
        Assert.All(group.Directories, d => Assert.False(Directory.Exists(d)));
    }

    [Fact(Timeout = 30_000)]
    public async Task Cgroup_cpu_time_agrees_with_the_process_own_account()
    {
        var backend = AccountingDetector.Detect();
        var runId = $"test-{Guid.NewGuid():N}";
        var group = backend.Create(runId, "burn", Core.Plans.ResourcePlan.Unlimited);
        try
        {
            // A shell loop burns CPU; the kernel's per-process ticks and the cgroup's nanoseconds must agree.
            await using var process = await LocalProcess.StartAsync(Spec("/bin/sh", ["-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; echo done; sleep 30"]) with { CgroupProcsFiles = group.ProcsFiles }, CancellationToken.None);
            await WaitForOutputAsync("done");

            var own = ProcStat.Read(process.Pid)!.CpuSeconds;
            var cgroup = group.Read().CpuSeconds;

            Assert.True(own > 0.05, $"the loop should have burned some CPU, burned {own} s");
            Assert.InRange(cgroup, own - 0.02, own * 1.01 + 0.03);
        }
        finally
        {
            group.Destroy();
            backend.RemoveRun(runId);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private LaunchSpec Spec(string file, IReadOnlyList<string> args) => new(
        file, args, new Dictionary<string, string>(), _directory,
        Path.Combine(_directory, "stdout.log"), Path.Combine(_directory, "stderr.log"), [], null);

    private async Task WaitForOutputAsync(string text)
    {
        var path = Path.Combine(_directory, "stdout.log");
        for (var i = 0; i < 200; i++)
        {
            if (File.Exists(path) && (await File.ReadAllTextAsync(path)).Contains(text, StringComparison.Ordinal)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"'{text}' never appeared in {path}");
    }
}
