using Assay.Runtimes.Local.Ledger;
using Assay.Runtimes.Local.Processes;
using Assay.Testing;

namespace Assay.IntegrationTests;

/// <summary>Teardown is guaranteed: Ctrl-C, SIGTERM, SIGKILL of the lab, a component that crashes.</summary>
public sealed class InterruptionTests : IDisposable
{
    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private readonly LabFolder _lab = new();

    [Theory(Timeout = 120_000)]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task A_signal_cancels_the_run_keeps_what_was_measured_and_stops_everything(int signal)
    {
        await using var cli = _lab.Start("run", RepoPaths.Of("experiments", "http-baseline"), "--duration", "60s");
        var processes = await _lab.WaitForProcessesAsync(_ => true, 3, TimeSpan.FromSeconds(60)); // two replicas and the load generator
        await cli.WaitForOutputAsync("measuring", TimeSpan.FromSeconds(60));
        await Task.Delay(2500);

        cli.Signal(signal);
        var code = await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(code == 130, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        var result = _lab.Result(runId);
        Assert.Equal("cancelled", (string?)result["status"]);
        Assert.True((long)result["variants"]![0]!["workload"]!["requests"]! > 0, "the partial measurement was lost");
        Assert.Empty(ResultContract.Problems(await File.ReadAllTextAsync(_lab.ResultPath(runId))));
        _lab.AssertNothingLeft(runId, processes);
    }

    [Fact(Timeout = 150_000)]
    public async Task After_the_lab_is_killed_the_next_invocation_reaps_everything_and_marks_the_run_aborted()
    {
        var cli = _lab.Start("run", RepoPaths.Of("experiments", "http-baseline"), "--duration", "60s");
        var processes = await _lab.WaitForProcessesAsync(_ => true, 3, TimeSpan.FromSeconds(60));
        await cli.WaitForOutputAsync("measuring", TimeSpan.FromSeconds(60));
        var runId = Assert.Single(_lab.RunIds());

        cli.Signal(SigKill);
        await cli.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await cli.DisposeAsync();
        // Components lead their own sessions: they survive the lab, which is why the ledger exists.
        Assert.Contains(processes, p => new ProcessIdentity(p.Pid!.Value, p.StartTicks ?? 0, "").IsAlive());

        var (code, runs) = await _lab.RunAsync(TimeSpan.FromSeconds(30), "runs");

        Assert.Equal(0, code);
        Assert.Contains($"reaped run {runId}", runs.Output, StringComparison.Ordinal);
        Assert.Contains("aborted", runs.Output, StringComparison.Ordinal);
        _lab.AssertNothingLeft(runId, processes);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_component_that_crashes_mid_run_fails_the_run_with_its_log_tail_and_partial_data()
    {
        await using var cli = _lab.Start("run", RepoPaths.Of("experiments", "http-baseline"), "--duration", "60s");
        var apps = await _lab.WaitForProcessesAsync(p => p.Command == "demo-app", 2, TimeSpan.FromSeconds(60));
        await cli.WaitForOutputAsync("measuring", TimeSpan.FromSeconds(60));
        await Task.Delay(2500);
        var processes = _lab.LedgerEntries().Where(e => e.Kind == LedgerEntryKind.Process).ToList();

        ProcessSignals.Send(apps[1].Pid!.Value, SigKill);
        var code = await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(code == 3, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        var result = _lab.Result(runId);
        Assert.Equal("error", (string?)result["status"]);
        var error = result["errors"]![0]!;
        Assert.Equal("web", (string?)error["component"]);
        Assert.Contains("exited with code 137", (string)error["message"]!, StringComparison.Ordinal);
        Assert.Contains("stderr.log", (string)error["logTail"]!, StringComparison.Ordinal);
        Assert.True((long)result["variants"]![0]!["workload"]!["requests"]! > 0, "what was measured before the crash was lost");
        Assert.Contains("exited with code 137", cli.Output, StringComparison.Ordinal);
        _lab.AssertNothingLeft(runId, processes);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_component_that_stops_answering_its_probe_fails_the_run()
    {
        const int SigStop = 19;
        await using var cli = _lab.Start("run", RepoPaths.Of("experiments", "http-baseline"), "--duration", "60s");
        var apps = await _lab.WaitForProcessesAsync(p => p.Command == "demo-app", 2, TimeSpan.FromSeconds(60));
        await cli.WaitForOutputAsync("measuring", TimeSpan.FromSeconds(60));
        var processes = _lab.LedgerEntries().Where(e => e.Kind == LedgerEntryKind.Process).ToList();

        // Frozen, not dead: the process is still there, but it answers nothing.
        ProcessSignals.Send(apps[0].Pid!.Value, SigStop);
        var code = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(code == 3, cli.Output);
        var runId = Assert.Single(_lab.RunIds());
        var result = _lab.Result(runId);
        Assert.Equal("error", (string?)result["status"]);
        Assert.Contains("stopped answering its readiness probe", (string)result["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.True((long)result["variants"]![0]!["workload"]!["requests"]! > 0);
        _lab.AssertNothingLeft(runId, processes);
    }

    public void Dispose() => _lab.Dispose();
}
