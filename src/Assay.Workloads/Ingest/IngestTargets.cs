using System.Diagnostics;
using Assay.Workloads.Http;

namespace Assay.Workloads.Ingest;

/// <summary>Small helpers both ingest drivers share: addresses of a role, and waiting on the run's clock.</summary>
internal static class IngestTargets
{
    /// <summary>
    /// The HTTP base addresses of a role's endpoints. Their scheme is the catalog entry's protocol (<c>prometheus://</c>,
    /// <c>loki://</c>): both speak HTTP, so the address is the same with <c>http://</c>.
    /// </summary>
    public static IReadOnlyList<Uri> HttpAddresses(WorkloadRun run, string role, string driver)
    {
        if (!run.Endpoints.TryGetValue(role, out var endpoints) || endpoints.Count == 0)
            throw new ArgumentException($"The {driver} workload has no '{role}' endpoint to connect to.", nameof(run));
        return [.. endpoints.Select(e => new UriBuilder(e.Address) { Scheme = Uri.UriSchemeHttp, Path = "/" }.Uri)];
    }

    /// <summary>Waits until the Stopwatch reaches <paramref name="ticks"/>; returns at once when it already has.</summary>
    public static Task DelayUntilAsync(long ticks, CancellationToken cancellationToken)
    {
        var wait = ticks - Stopwatch.GetTimestamp();
        return wait <= 0 ? Task.CompletedTask : Task.Delay(RunClock.ToTimeSpan(wait), cancellationToken);
    }
}
