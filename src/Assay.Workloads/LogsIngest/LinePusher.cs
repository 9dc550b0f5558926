using System.Diagnostics;
using Assay.Core.Plans;
using Assay.Workloads.Http;
using Assay.Workloads.Ingest;
using Assay.Workloads.LogsIngest.Lines;

namespace Assay.Workloads.LogsIngest;

/// <summary>
/// Makes lines at the plan's rate from the start of warm-up to the end of the window and pushes them in one request
/// per batch interval, as a log shipper batches them. Each line counts as one <c>push</c> operation whose latency is
/// its request's. It keeps the number of lines Loki acknowledged and the trace ids of recent ones, for the queries.
/// </summary>
internal sealed class LinePusher(LogsIngestWorkloadPlan plan, LokiClient loki, IngestRecorder recorder, int seed)
{
    private const int RecentTraces = 1024;

    private readonly LogLineGenerator _generator = new(seed, plan.Services);
    private readonly Lock _gate = new();
    private readonly string[] _recent = new string[RecentTraces];
    private long _acknowledged;
    private long _batches;

    /// <summary>Lines Loki answered 2xx to, warm-up included.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Lines made in the window and offered to Loki (acknowledged or not).</summary>
    public long OfferedInWindow { get; private set; }

    /// <summary>The trace id of a line Loki has acknowledged, chosen with <paramref name="random"/>; null before the first.</summary>
    public string? AcknowledgedTrace(Random random)
    {
        lock (_gate)
        {
            var known = (int)Math.Min(_batches, RecentTraces);
            return known == 0 ? null : _recent[random.Next(known)];
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = recorder.Clock;
        long made = 0;
        var next = clock.Start;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            // Lines are due from the start to the end of the window; none are made after it.
            var due = (long)(plan.RatePerSecond * RunClock.ToTimeSpan(Math.Min(now, clock.WindowEnd) - clock.Start).TotalSeconds) - made;
            if (due > 0)
            {
                var at = DateTimeOffset.UtcNow;
                var lines = new List<LogLine>((int)due);
                for (var i = 0; i < due; i++) lines.Add(_generator.Next(at));
                made += due;
                if (now >= clock.WindowStart) OfferedInWindow += due;
                var call = await loki.PushAsync(lines, cancellationToken);
                recorder.Record(0, call.CompletedAt, call.LatencyTicks, call.Failure, lines.Count);
                if (call.Failure is null) Acknowledge(lines);
            }
            if (now >= clock.WindowEnd) return;
            next = Math.Max(next + RunClock.ToTicks(plan.BatchInterval), Stopwatch.GetTimestamp());
            await IngestTargets.DelayUntilAsync(Math.Min(next, clock.WindowEnd), cancellationToken);
        }
    }

    private void Acknowledge(List<LogLine> lines)
    {
        Interlocked.Add(ref _acknowledged, lines.Count);
        lock (_gate)
        {
            _recent[_batches % RecentTraces] = lines[^1].TraceId;
            _batches++;
        }
    }
}
