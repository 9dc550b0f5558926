using System.Globalization;
using Assay.Core.Results;
using Assay.Storage;
using Assay.Testing;

namespace Assay.Dashboard.Tests;

/// <summary>
/// A lab state folder whose store holds realistic runs: three completed runs of http-baseline a day apart (so the
/// history has lines), one completed run of another experiment, and one run still running (no result).
/// </summary>
internal sealed class SeededStore : IAsyncDisposable
{
    public const string Experiment = "http-baseline";
    public const string OtherExperiment = "kv-cache";
    public const string RunningRunId = "20261127-090000-http-baseline-run0";

    private readonly TempFolder _folder = new("dashboard");

    private SeededStore(IReadOnlyList<RunResult> results)
    {
        Results = results;
    }

    /// <summary>The lab state folder (<c>--state-dir</c>).</summary>
    public string StateDirectory => _folder.File(".assay");

    public string Database => Path.Combine(StateDirectory, "assay.db");

    /// <summary>The completed runs, oldest first.</summary>
    public IReadOnlyList<RunResult> Results { get; }

    public IReadOnlyList<RunResult> HistoryOf(string experiment) => [.. Results.Where(r => r.Experiment == experiment)];

    public string Folder => _folder.Path;

    public static async Task<SeededStore> CreateAsync(CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(2026, 11, 24, 4, 0, 0, TimeSpan.Zero);
        var builders = new List<RunResultBuilder>();
        for (var i = 0; i < 3; i++)
        {
            var at = start.AddDays(i);
            builders.Add(new RunResultBuilder
            {
                RunId = string.Create(CultureInfo.InvariantCulture, $"{at:yyyyMMdd-HHmmss}-http-baseline-{i:x4}"),
                StartedAt = at,
                Seed = 1000 + i,
                RatePerSecond = 400 + 50 * i,
                Trials = 2,
                MeasuredSeconds = 4,
            });
        }
        builders.Add(new RunResultBuilder
        {
            RunId = "20261126-120000-kv-cache-beef",
            Experiment = OtherExperiment,
            Title = "Key-value cache: redis or memcached",
            Variants = ["redis", "memcached"],
            StartedAt = start.AddDays(2).AddHours(8),
            Trials = 2,
            MeasuredSeconds = 4,
        });
        var seeded = new SeededStore([.. builders.Select(b => b.Build())]);
        try
        {
            await using var store = await SqliteRunStore.OpenAsync(seeded.Database, cancellationToken);
            foreach (var builder in builders)
            {
                await store.BeginRunAsync(builder.BuildRecord(), cancellationToken);
                await store.CompleteRunAsync(seeded.Results.Single(r => r.RunId == builder.RunId), cancellationToken);
            }
            var running = new RunResultBuilder { RunId = RunningRunId, StartedAt = start.AddDays(3).AddHours(5) };
            await store.BeginRunAsync(running.BuildRecord(), cancellationToken);
            await store.RecordPhaseAsync(RunningRunId, null, null, RunPhase.Provisioning, running.StartedAt.AddSeconds(1), cancellationToken);
            return seeded;
        }
        catch
        {
            await seeded.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
