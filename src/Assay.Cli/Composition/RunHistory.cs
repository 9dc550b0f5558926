using Assay.Core.History;
using Assay.Core.Results;
using Assay.Engine.Storage;

namespace Assay.Cli.Composition;

/// <summary>Reads the earlier runs a run is judged against, and judges it.</summary>
internal static class RunHistory
{
    // Runs with other parameters are skipped by the detector, so read more than the window needs.
    private const int RunsRead = 50;

    /// <summary>The regressions of a stored run against the completed runs of its experiment before it.</summary>
    public static async Task<RegressionReport> RegressionsAsync(IRunStore store, RunResult run, CancellationToken cancellationToken)
    {
        var results = await store.ListResultsAsync(run.Experiment, RunsRead, cancellationToken);
        return RegressionDetector.DetectAmongEarlier(run, results);
    }
}
