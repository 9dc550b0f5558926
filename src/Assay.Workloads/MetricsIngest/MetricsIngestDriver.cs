using System.Diagnostics;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Http;
using Assay.Workloads.Ingest;

namespace Assay.Workloads.MetricsIngest;

/// <summary>
/// A TSDB scraping the cardinality generator. Before warm-up the generator is set to the plan's level; warm-up lets
/// the TSDB scrape it; in the window, rounds of queries run one after another on one connection, each timed, a round
/// starting every query interval. Every round begins with the verification: <c>count(sensor_reading)</c> must equal the
/// level's series (times the generator's instances), or that query fails as a wrong answer. The TSDB's own figures
/// (samples ingested, series in memory) are read from its <c>/metrics</c> at both ends of the window.
/// </summary>
public sealed class MetricsIngestDriver : IWorkloadDriver
{
    private static readonly TimeSpan WarmUpPoll = TimeSpan.FromMilliseconds(250);

    public async Task<WorkloadMeasurement> RunAsync(WorkloadRun run, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Plan is not MetricsIngestWorkloadPlan plan)
            throw new ArgumentException($"The metrics-ingest driver cannot run a '{run.Plan.Driver}' workload.", nameof(run));
        var tsdbAddress = IngestTargets.HttpAddresses(run, WorkloadPlan.TargetRole, plan.Driver)[0];
        var sources = IngestTargets.HttpAddresses(run, MetricsIngestWorkloadPlan.SourceRole, plan.Driver);
        var expected = plan.ExpectedSeries * sources.Count;
        PromQueryPlan[] queries = [new(MetricsIngestWorkloadPlan.SeriesOperation, $"count({MetricsIngestWorkloadPlan.GeneratorMetric})", null, null), .. plan.Queries];

        using var http = HttpCall.CreateClient();
        var tsdb = new PromClient(http, tsdbAddress, plan.Timeout);
        var clock = new RunClock(Stopwatch.GetTimestamp(), plan.WarmUp, plan.Duration);
        var recorder = new IngestRecorder(clock, [.. queries.Select(q => q.Name)]);
        var reporter = new IngestProgress(recorder, progress);
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporting = reporter.RunAsync(stopReporting.Token);
        var stats = new Dictionary<string, double> { ["expectedSeries"] = expected };
        try
        {
            await CardinalitySource.SetLevelAsync(http, sources, plan.Level, plan.ExpectedSeries, plan.Timeout, cancellationToken);
            await WarmUpAsync(tsdb, expected, clock, cancellationToken);
            var atStart = await FiguresAsync(tsdb, cancellationToken);
            var lastCount = await RoundsAsync(tsdb, queries, expected, plan.QueryInterval, recorder, cancellationToken);
            var atEnd = await FiguresAsync(tsdb, cancellationToken);
            if (lastCount is { } count) stats["querySeries"] = count;
            AddFigures(stats, atStart, atEnd);
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
        return recorder.Build(plan.OperationUnit, Stopwatch.GetTimestamp(), stats);
    }

    /// <summary>Until the window opens: polls the series count (not recorded), so the scrapes have begun before anything is measured.</summary>
    private static async Task WarmUpAsync(PromClient tsdb, int expected, RunClock clock, CancellationToken cancellationToken)
    {
        var count = new PromQueryPlan("warm-up", $"count({MetricsIngestWorkloadPlan.GeneratorMetric})", null, null);
        while (Stopwatch.GetTimestamp() + RunClock.ToTicks(WarmUpPoll) < clock.WindowStart)
        {
            var answer = await tsdb.QueryAsync(count, DateTimeOffset.UtcNow, cancellationToken);
            if (answer.Failure is null && answer.SingleValue == expected) break;
            await Task.Delay(WarmUpPoll, cancellationToken);
        }
        await IngestTargets.DelayUntilAsync(clock.WindowStart, cancellationToken);
    }

    /// <summary>Rounds of queries until the window closes; returns the last series count the TSDB answered.</summary>
    private static async Task<double?> RoundsAsync(
        PromClient tsdb, PromQueryPlan[] queries, int expected, TimeSpan interval, IngestRecorder recorder, CancellationToken cancellationToken)
    {
        double? lastCount = null;
        var clock = recorder.Clock;
        var roundStart = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < clock.WindowEnd)
        {
            for (var i = 0; i < queries.Length && Stopwatch.GetTimestamp() < clock.WindowEnd; i++)
            {
                var answer = await tsdb.QueryAsync(queries[i], DateTimeOffset.UtcNow, cancellationToken);
                var failure = answer.Failure;
                if (i == 0 && failure is null)
                {
                    lastCount = answer.SingleValue;
                    if (answer.SingleValue != expected) failure = "wrong series count";
                }
                recorder.Record(i, answer.Call.CompletedAt, answer.Call.LatencyTicks, failure);
            }
            roundStart = Math.Max(roundStart + RunClock.ToTicks(interval), Stopwatch.GetTimestamp());
            await IngestTargets.DelayUntilAsync(Math.Min(roundStart, clock.WindowEnd), cancellationToken);
        }
        return lastCount;
    }

    private static async Task<(TsdbFigures? Figures, long At)> FiguresAsync(PromClient tsdb, CancellationToken cancellationToken)
    {
        var text = await tsdb.ReadOwnMetricsAsync(cancellationToken);
        return (text is null ? null : TsdbFigures.Read(text), Stopwatch.GetTimestamp());
    }

    private static void AddFigures(Dictionary<string, double> stats, (TsdbFigures? Figures, long At) start, (TsdbFigures? Figures, long At) end)
    {
        if (end.Figures is not { } last) return;
        stats["headSeries"] = last.HeadSeries;
        var seconds = RunClock.ToTimeSpan(end.At - start.At).TotalSeconds;
        if (start.Figures is { } first && seconds > 0)
            stats["ingestedSamplesPerSecond"] = Math.Round((last.SamplesIngested - first.SamplesIngested) / seconds, 1);
    }
}
