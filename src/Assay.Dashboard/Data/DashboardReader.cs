using Assay.Core.History;
using Assay.Core.Results;
using Assay.Dashboard.Pages;
using Assay.Engine.Storage;

namespace Assay.Dashboard.Data;

/// <summary>
/// Reads the page models from a run store; the only part of the dashboard that does I/O besides the host and the
/// site writer. It only reads: nothing here changes the store.
/// </summary>
/// <param name="snapshot">
/// True for one pass over a store that is not expected to change (the static site): each experiment's results are
/// read once and kept, instead of once per run page. The live dashboard reads afresh for every page.
/// </param>
public sealed class DashboardReader(IRunStore store, bool snapshot = false)
{
    private readonly Dictionary<string, IReadOnlyList<RunResult>> _results = new(StringComparer.Ordinal);

    /// <summary>How many runs a page considers at most: far more than a lab keeps, but bounded.</summary>
    public const int MaxRuns = 10_000;

    public async Task<ExperimentsPageModel> ExperimentsAsync(CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(null, MaxRuns, cancellationToken);
        var rows = runs
            .GroupBy(r => r.Experiment, StringComparer.Ordinal)
            .Select(g =>
            {
                var last = g.First(); // newest first
                return new ExperimentRow(g.Key, last.Title, g.Count(), last.RunId, last.Status, last.StartedAt);
            })
            .OrderByDescending(r => r.LastStartedAt)
            .ToList();
        return new ExperimentsPageModel(rows);
    }

    public async Task<RunsPageModel> RunsAsync(string? experiment, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(string.IsNullOrEmpty(experiment) ? null : experiment, MaxRuns, cancellationToken);
        return new RunsPageModel(string.IsNullOrEmpty(experiment) ? null : experiment, await WithVerdictsAsync(runs, cancellationToken));
    }

    /// <summary>Null when the store has no run of that experiment.</summary>
    public async Task<ExperimentPageModel?> ExperimentAsync(string name, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(name, MaxRuns, cancellationToken);
        if (runs.Count == 0) return null;
        var results = await ResultsAsync(name, cancellationToken);
        return new ExperimentPageModel(name, runs[0].Title, results, Rows(runs, results));
    }

    /// <summary>Null when no run matches; an id prefix several runs share throws <see cref="AmbiguousRunIdException"/>.</summary>
    public async Task<RunPageModel?> RunAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var run = await store.FindRunAsync(idOrPrefix, cancellationToken);
        if (run is null) return null;
        if (run.Result is not { } result) return new RunPageModel(run, null, null);
        var history = await ResultsAsync(result.Experiment, cancellationToken);
        return new RunPageModel(run, PreviousRunId(result, history), RegressionDetector.DetectAmongEarlier(result, history));
    }

    public async Task<ComparePageModel> CompareAsync(string? runIdA, string? runIdB, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(runIdA) || string.IsNullOrWhiteSpace(runIdB))
            return new ComparePageModel(runIdA, runIdB, null, null, "Give two run ids (or unique prefixes), as a and b.");
        var (a, problemA) = await ResultAsync(runIdA, cancellationToken);
        var (b, problemB) = await ResultAsync(runIdB, cancellationToken);
        var problem = string.Join(" ", new[] { problemA, problemB }.OfType<string>());
        return new ComparePageModel(runIdA, runIdB, a, b, problem.Length == 0 ? null : problem);
    }

    /// <summary>The completed run of the same experiment that started just before this one, if any.</summary>
    private static string? PreviousRunId(RunResult result, IReadOnlyList<RunResult> experimentResults) =>
        experimentResults
            .Where(r => RegressionDetector.StartedBefore(r, result))
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal)
            .Select(r => r.RunId)
            .FirstOrDefault();

    private async Task<(RunResult? Result, string? Problem)> ResultAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        try
        {
            var run = await store.FindRunAsync(idOrPrefix, cancellationToken);
            if (run is null) return (null, $"No run matches '{idOrPrefix}'.");
            return run.Result is null ? (null, $"Run '{run.Listing.RunId}' has no result ({run.Listing.Status.ToString().ToLowerInvariant()}).") : (run.Result, null);
        }
        catch (AmbiguousRunIdException e)
        {
            return (null, e.Message + "; give more of the id.");
        }
    }

    private async Task<IReadOnlyList<RunRow>> WithVerdictsAsync(IReadOnlyList<RunListing> runs, CancellationToken cancellationToken)
    {
        var results = new List<RunResult>();
        foreach (var experiment in runs.Select(r => r.Experiment).Distinct(StringComparer.Ordinal))
            results.AddRange(await ResultsAsync(experiment, cancellationToken));
        return Rows(runs, results);
    }

    /// <summary>An experiment's completed runs' results, newest first.</summary>
    private async Task<IReadOnlyList<RunResult>> ResultsAsync(string experiment, CancellationToken cancellationToken)
    {
        if (snapshot && _results.TryGetValue(experiment, out var kept)) return kept;
        var results = await store.ListResultsAsync(experiment, MaxRuns, cancellationToken);
        if (snapshot) _results[experiment] = results;
        return results;
    }

    private static List<RunRow> Rows(IReadOnlyList<RunListing> runs, IReadOnlyList<RunResult> results)
    {
        var byId = results.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        // Each completed run against the runs of its experiment before it, as assay history marks them.
        var regressions = results
            .GroupBy(r => r.Experiment, StringComparer.Ordinal)
            .SelectMany(g => RegressionDetector.DetectEach([.. g.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunId, StringComparer.Ordinal)]))
            .ToDictionary(r => r.RunId, StringComparer.Ordinal);
        return [.. runs.Select(r => new RunRow(r, byId.GetValueOrDefault(r.RunId)?.Hypothesis?.Verdict, regressions.GetValueOrDefault(r.RunId)))];
    }
}
