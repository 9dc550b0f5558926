using Assay.Storage;
using Assay.Testing;

namespace Assay.Cli.Tests;

/// <summary>
/// A lab state folder whose store holds five completed runs of http-baseline, an hour apart, six trials each (enough for verdicts that survive Holm's correction over the six comparable KPIs):
/// r1 … r4 alike, then r5 with every latency 60% higher (a regression). Removed on dispose.
/// </summary>
internal sealed class HistoryStore : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new("history");

    public string StateDirectory => _folder.File("state");

    public string AdrDirectory => _folder.File("adrs");

    public static async Task<HistoryStore> CreateAsync()
    {
        var lab = new HistoryStore();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Directory.CreateDirectory(lab.StateDirectory);
        await using var store = await SqliteRunStore.OpenAsync(Path.Combine(lab.StateDirectory, "assay.db"), deadline.Token);
        for (var n = 1; n <= 5; n++)
        {
            var builder = Builder(n);
            await store.BeginRunAsync(builder.BuildRecord() with { Directory = Path.Combine(lab.StateDirectory, "runs", builder.RunId) }, deadline.Token);
            await store.CompleteRunAsync(builder.Build(), deadline.Token);
        }
        return lab;
    }

    public static RunResultBuilder Builder(int n) => new()
    {
        RunId = $"r{n}",
        StartedAt = Day.AddHours(n),
        Trials = 6,
        MeasuredSeconds = 2,
        RatePerSecond = 100,
        WithEvidence = true,
        LatencyScale = n == 5 ? 1.6 : 1,
        // Each run its own noise, as on a real machine.
        Seed = 20261120 + n,
    };

    /// <summary>The command line with this lab's state folder.</summary>
    public Task<(int ExitCode, string Output, string Stdout)> RunAsync(params string[] args) =>
        CliHarness.RunAsync([.. args, "--state-dir", StateDirectory]);

    public void Dispose() => _folder.Dispose();
}
