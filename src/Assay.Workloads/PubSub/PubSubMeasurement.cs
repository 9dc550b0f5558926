using Assay.Core.Measurements;
using Assay.Core.Plans;

namespace Assay.Workloads.PubSub;

/// <summary>
/// The measurement of one run once publishers are settled and subscribers drained. The operation is a
/// delivery: every message the broker took, to every subscriber. It succeeds when it arrived once and in
/// order; it fails when it was lost, arrived out of order or twice, was not this run's, or was never taken
/// (a failed or unconfirmed publish fails its delivery to every subscriber).
/// </summary>
internal static class PubSubMeasurement
{
    public static WorkloadMeasurement Build(
        PubSubRun run, DeliveryRecorder recorder, IReadOnlyList<SubscriberTally> subscribers, IReadOnlyList<PublishLedger> publishers,
        IReadOnlyDictionary<string, double> clientStats, long now)
    {
        var clock = run.Clock;
        var window = clock.Window(now);
        var windowEnd = Math.Min(now, clock.WindowEnd);
        var sequences = publishers.Select(p => run.SequencesDueIn(p.Index, clock.WindowStart, windowEnd)).ToList();

        long lost = 0;
        foreach (var subscriber in subscribers)
        {
            foreach (var publisher in publishers)
            {
                var (first, end) = sequences[publisher.Index];
                publisher.Published.ForEachMissingFrom(subscriber.Seen(publisher.Index), first, end, sequence =>
                {
                    lost++;
                    recorder.CountLost(run.DueAt(publisher.Index, sequence));
                });
            }
        }
        var published = publishers.Sum(p => p.Published.Count(sequences[p.Index].First, sequences[p.Index].End));
        var publishFailures = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in publishers.SelectMany(p => p.WindowFailures()))
            publishFailures[kind] = publishFailures.GetValueOrDefault(kind) + count;
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Add(string kind, long count)
        {
            if (count > 0) errors[kind] = errors.GetValueOrDefault(kind) + count;
        }
        Add("lost", lost);
        Add("reordered", recorder.Reordered);
        Add("duplicate", recorder.Duplicates);
        Add("malformed", recorder.Malformed);
        // A message the broker never took is a failed delivery to every subscriber.
        foreach (var (kind, count) in publishFailures) Add(kind, count * subscribers.Count);

        var failed = errors.Values.Sum();
        var operation = new OperationMeasurement(
            PubSubWorkloadPlan.DeliverOperation, recorder.InOrder + failed, failed, LatencyHistogram.Merge([recorder.Latency]), new Dictionary<int, long>());
        var schedule = run.Schedule.ToMeasurement(clock.WindowStart, windowEnd);
        var stats = new Dictionary<string, double>
        {
            ["publishers"] = run.Plan.Publishers,
            ["subscribers"] = run.Plan.Subscribers,
            ["published"] = published,
            ["publishFailed"] = publishFailures.Values.Sum(),
            ["publishBehind"] = schedule.LateSends + schedule.Unsent,
            ["expected"] = published * subscribers.Count,
            ["received"] = subscribers.Sum(s => s.ReceivedInWindow(sequences)),
            ["lost"] = lost,
            ["duplicates"] = recorder.Duplicates,
            ["reordered"] = recorder.Reordered,
            ["malformed"] = recorder.Malformed,
            ["publishedPerSecond"] = window > TimeSpan.Zero ? published / window.TotalSeconds : 0,
        };
        foreach (var (name, value) in clientStats) stats[name] = value;
        return new WorkloadMeasurement(run.Plan.OperationUnit, window, [operation], recorder.PerSecond(window), errors, schedule)
        {
            Stats = stats,
        };
    }
}
