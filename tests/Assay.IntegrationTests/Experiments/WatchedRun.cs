using Assay.Runtimes.Local.Ledger;
using Assay.Testing;

namespace Assay.IntegrationTests.Experiments;

/// <summary>A CLI run whose ledger is read while it goes, so a test knows every process the run started.</summary>
internal static class WatchedRun
{
    public static async Task<(int ExitCode, CliProcess Cli, IReadOnlyList<LedgerEntry> Processes)> RunWatchingAsync(
        this LabFolder lab, TimeSpan timeout, params string[] args)
    {
        var cli = lab.Start(args);
        var exited = cli.WaitForExitAsync(timeout);
        var seen = new Dictionary<(int, long), LedgerEntry>();
        while (true)
        {
            foreach (var entry in lab.LedgerEntries().Where(e => e.Kind == LedgerEntryKind.Process))
                seen.TryAdd((entry.Pid ?? 0, entry.StartTicks ?? 0), entry);
            if (exited.IsCompleted) break;
            await Task.WhenAny(exited, Task.Delay(100));
        }
        return (await exited, cli, [.. seen.Values]);
    }
}
