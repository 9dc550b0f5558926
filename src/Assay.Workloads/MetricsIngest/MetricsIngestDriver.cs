using System.Diagnostics;
using System.Globalization;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Http;
using Assay.Workloads.Ingest;

namespace Assay.Workloads.MetricsIngest;

/// <summary>
/// A TSDB scraping the cardinality generator. Before warm-up the generator is set to the plan's level and the driver
/// waits until the TSDB holds all its series; warm-up then lets ingestion settle; in the window, rounds of queries run one after another on one connection, each timed, a round
/// starting every query interval. Every round begins with the verification: <c>count(sensor_reading)</c> must equal the
/// level's series (times the generator's instances), or that query fails as a wrong answer. The TSDB's own figures
/// (samples ingested, series in memory) are read from its <c>/metrics</c> at both ends of the window.
/// </summary>
public sealed class MetricsIngestDriver : IWorkloadDriver
{
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the TSDB may take to hold every series after the level is set; within the load generator's slack.</summary>
    private static readonly TimeSpan IngestionDeadline = TimeSpan.FromSeconds(25);

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
        var operations = queries.Select(q => q.Name).ToList();
        var stats = new Dictionary<string, double> { ["expectedSeries"] = expected };
        progress?.Report(new WorkloadProgress(WorkloadStage.WarmingUp, 0, 0, 0, 0, 0));
        try
        {
            await CardinalitySource.SetLevelAsync(http, sources, plan.Level, plan.ExpectedSeries, plan.Timeout, cancellationToken);
            stats["ingestionReadySeconds"] = Math.Round((await WaitForSeriesAsync(tsdb, expected, cancellationToken)).TotalSeconds, 3);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled before anything could be measured: an empty window.
            var closed = new RunClock(Stopwatch.GetTimestamp(), TimeSpan.Zero, plan.Duration);
            closed.CloseAt(closed.Start);
            return new IngestRecorder(closed, operations).Build(plan.OperationUnit, closed.Start, stats);
        }

        var clock = new RunClock(Stopwatch.GetTimestamp(), plan.WarmUp, plan.Duration);
        var recorder = new IngestRecorder(clock, operations);
        var reporter = new IngestProgress(recorder, progress);
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporting = reporter.RunAsync(stopReporting.Token);
        try
        {
            await IngestTargets.DelayUntilAsync(clock.WindowStart, cancellationToken);
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

    /// <summary>
    /// Before warm-up: polls the series count until the TSDB holds every series of the level, and returns how long that
    /// took. A TSDB applies a new scrape target and indexes new series on its own schedule (both Prometheus and
    /// VictoriaMetrics take about 5 s here), and warm-up and window are for steady ingestion, not for that.
    /// </summary>
    private static async Task<TimeSpan> WaitForSeriesAsync(PromClient tsdb, int expected, CancellationToken cancellationToken)
    {
        var count = new PromQueryPlan("ready", $"count({MetricsIngestWorkloadPlan.GeneratorMetric})", null, null);
        var started = Stopwatch.GetTimestamp();
        PromAnswer? last = null;
        while (Stopwatch.GetElapsedTime(started) < IngestionDeadline)
        {
            last = await tsdb.QueryAsync(count, DateTimeOffset.UtcNow, cancellationToken);
            if (last.Failure is null && last.SingleValue == expected) return Stopwatch.GetElapsedTime(started);
            await Task.Delay(ReadyPoll, cancellationToken);
        }
        var answered = last is null ? "nothing" : last.Failure ?? (last.SingleValue is { } value ? value.ToString(CultureInfo.InvariantCulture) : "no series");
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"The TSDB at {tsdb.BaseAddress} did not hold the generator's {expected} series within {IngestionDeadline.TotalSeconds} s: count({MetricsIngestWorkloadPlan.GeneratorMetric}) answered {answered}. Does it scrape the source (links: {{scrape: SOURCE}})?"));
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
