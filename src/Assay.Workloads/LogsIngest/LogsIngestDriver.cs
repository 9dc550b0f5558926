using System.Diagnostics;
using System.Globalization;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Http;
using Assay.Workloads.Ingest;

namespace Assay.Workloads.LogsIngest;

/// <summary>
/// Log lines pushed to Loki at a fixed rate across services (<see cref="LinePusher"/>) while rounds of LogQL queries run,
/// each timed, a round starting every query interval. <c>$TRACE_ID</c> in a query becomes the trace id of a line Loki
/// has acknowledged, and the answer must contain it. When the window closes, one count query must find every line Loki
/// acknowledged: lines it does not find count as failed pushes (<c>lost</c>). Stats: pushed, found, lost.
/// </summary>
public sealed class LogsIngestDriver : IWorkloadDriver
{
    /// <summary>Replaced in a query by the trace id of a line already pushed.</summary>
    public const string TracePlaceholder = "$TRACE_ID";

    public async Task<WorkloadMeasurement> RunAsync(WorkloadRun run, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Plan is not LogsIngestWorkloadPlan plan)
            throw new ArgumentException($"The logs-ingest driver cannot run a '{run.Plan.Driver}' workload.", nameof(run));
        var address = IngestTargets.HttpAddresses(run, WorkloadPlan.TargetRole, plan.Driver)[0];

        using var http = HttpCall.CreateClient();
        var loki = new LokiClient(http, address, plan.Timeout);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = new RunClock(Stopwatch.GetTimestamp(), plan.WarmUp, plan.Duration);
        var recorder = new IngestRecorder(clock, [LogsIngestWorkloadPlan.PushOperation, .. plan.Queries.Select(q => q.Name)]);
        var reporter = new IngestProgress(recorder, progress);
        var pusher = new LinePusher(plan, loki, recorder, run.Seed);
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporting = reporter.RunAsync(stopReporting.Token);
        var stats = new Dictionary<string, double>();
        try
        {
            var pushing = pusher.RunAsync(cancellationToken);
            var querying = QueriesAsync(plan, loki, pusher, recorder, new Random(run.Seed), cancellationToken);
            await Task.WhenAll(pushing, querying);
            await VerifyAsync(loki, pusher, recorder, startedAt, stats, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            clock.CloseAt(Stopwatch.GetTimestamp());
        }
        finally
        {
            await stopReporting.CancelAsync();
            await reporting;
            reporter.Report(WorkloadStage.Done, Stopwatch.GetTimestamp());
        }
        stats["pushed"] = pusher.Acknowledged;
        var window = clock.Window(Stopwatch.GetTimestamp()).TotalSeconds;
        if (window > 0) stats["offeredLinesPerSecond"] = Math.Round(pusher.OfferedInWindow / window, 1);
        return recorder.Build(plan.OperationUnit, Stopwatch.GetTimestamp(), stats);
    }

    /// <summary>Rounds of queries from the window's start to its end (warm-up is for ingestion alone).</summary>
    private static async Task QueriesAsync(
        LogsIngestWorkloadPlan plan, LokiClient loki, LinePusher pusher, IngestRecorder recorder, Random random, CancellationToken cancellationToken)
    {
        var clock = recorder.Clock;
        await IngestTargets.DelayUntilAsync(clock.WindowStart, cancellationToken);
        var roundStart = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < clock.WindowEnd && plan.Queries.Count > 0)
        {
            for (var i = 0; i < plan.Queries.Count && Stopwatch.GetTimestamp() < clock.WindowEnd; i++)
            {
                var query = plan.Queries[i];
                string? trace = null;
                if (query.Query.Contains(TracePlaceholder, StringComparison.Ordinal) && (trace = pusher.AcknowledgedTrace(random)) is null) continue;
                var text = trace is null ? query.Query : query.Query.Replace(TracePlaceholder, trace, StringComparison.Ordinal);
                var answer = await loki.QueryRangeAsync(text, DateTimeOffset.UtcNow, query.Range, cancellationToken);
                var failure = answer.Failure;
                // A trace that was pushed must be found: a fast empty answer is a wrong one.
                if (failure is null && trace is not null && !answer.Lines.Any(line => line.Contains(trace, StringComparison.Ordinal)))
                    failure = "trace not found";
                recorder.Record(i + 1, answer.Call.CompletedAt, answer.Call.LatencyTicks, failure);
            }
            roundStart = Math.Max(roundStart + RunClock.ToTicks(plan.QueryInterval), Stopwatch.GetTimestamp());
            await IngestTargets.DelayUntilAsync(Math.Min(roundStart, clock.WindowEnd), cancellationToken);
        }
    }

    /// <summary>
    /// Counts the driver's lines in Loki; those acknowledged but not found are lost, and fail as pushes. When the count
    /// itself fails, no line is verified and all of them fail.
    /// </summary>
    private static async Task VerifyAsync(
        LokiClient loki, LinePusher pusher, IngestRecorder recorder, DateTimeOffset startedAt, Dictionary<string, double> stats, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        // Every line is younger than the run; a minute more covers clock steps between the line stamps and now.
        var seconds = (long)Math.Ceiling((now - startedAt).TotalSeconds) + 60;
        var query = string.Create(CultureInfo.InvariantCulture, $"sum(count_over_time({{{LokiClient.JobSelector}}}[{seconds}s]))");
        var answer = await loki.QueryAsync(query, now, cancellationToken);
        if (answer.Failure is not null)
        {
            // Nothing the run pushed can be shown to be stored: every acknowledged line fails, rather than count as throughput.
            recorder.Reclassify(0, pusher.Acknowledged, $"unverified (count query: {answer.Failure})");
            return;
        }
        // An empty vector: nothing found at all.
        var found = (long)(answer.SingleValue ?? 0);
        var lost = Math.Max(0, pusher.Acknowledged - found);
        stats["found"] = found;
        stats["lost"] = lost;
        recorder.Reclassify(0, lost, "lost");
    }
}
