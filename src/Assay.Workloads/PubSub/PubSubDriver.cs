using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Assay.Core.Measurements;
using Assay.Core.Plans;
using Assay.Workloads.Http;
using Assay.Workloads.PubSub.Brokers;

namespace Assay.Workloads.PubSub;

/// <summary>
/// Publish/subscribe load: publishers on a fixed schedule, every subscriber receiving every message, all in
/// this process so one clock stamps and reads every message. Latency runs from each message's intended send
/// time to its arrival; subscribers check every message (run, publisher, sequence number, send time, body),
/// and after a short drain each subscriber's missing messages count as lost.
/// </summary>
/// <remarks>
/// Everything connects before the clock starts, so warm-up measures messages, not connection setup. When the
/// window closes, publishers stop; the drain waits for outstanding confirmations and for every subscriber to
/// have every message the broker took, up to the plan's drain time (a second when cancelled).
/// </remarks>
public sealed class PubSubDriver : IWorkloadDriver
{
    private static readonly TimeSpan CancelledDrain = TimeSpan.FromSeconds(1);

    public async Task<WorkloadMeasurement> RunAsync(WorkloadRun run, IProgress<WorkloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Plan is not PubSubWorkloadPlan plan)
            throw new ArgumentException($"The pubsub driver cannot run a '{run.Plan.Driver}' workload.", nameof(run));
        // Names this run's exchange, stream, queues and clients apart from any other on the same broker.
        var runMark = RandomNumberGenerator.GetInt32(int.MaxValue);
        var runName = string.Create(CultureInfo.InvariantCulture, $"assay-{runMark:x8}");

        await using var broker = BrokerFactory.Create(plan, run.Target, runName);
        var tallies = new SubscriberTally?[plan.Subscribers];
        var subscriptions = new List<IAsyncDisposable>();
        var publishers = new List<IBrokerPublisher>();
        var ledgers = new List<PublishLedger>();
        try
        {
            await broker.PrepareAsync(cancellationToken);
            for (var i = 0; i < plan.Subscribers; i++)
            {
                var index = i;
                subscriptions.Add(await Connect("subscriber", index, run, () => broker.SubscribeAsync(index, body => tallies[index]?.Receive(body), cancellationToken)));
            }
            for (var i = 0; i < plan.Publishers; i++)
            {
                var index = i;
                publishers.Add(await Connect("publisher", index, run, () => broker.ConnectPublisherAsync(index, cancellationToken)));
            }

            var clock = new RunClock(Stopwatch.GetTimestamp(), plan.WarmUp, plan.Duration);
            var pubsub = new PubSubRun(plan, clock, runMark);
            var recorder = new DeliveryRecorder(pubsub);
            for (var i = 0; i < tallies.Length; i++) tallies[i] = new SubscriberTally(pubsub, recorder, i);
            ledgers.AddRange(Enumerable.Range(0, plan.Publishers).Select(i => new PublishLedger(pubsub, i)));
            var reporter = new StageReporter(clock, recorder.Totals, progress);
            reporter.Report(WorkloadStage.WarmingUp, clock.Start);
            await DriveAsync(pubsub, publishers, ledgers, reporter, cancellationToken);
            var cancelled = cancellationToken.IsCancellationRequested;
            await DrainAsync(pubsub, [.. tallies.OfType<SubscriberTally>()], ledgers, cancelled ? CancelledDrain : plan.Drain);

            // Whatever is still unconfirmed is reported as such before the figures are taken.
            foreach (var publisher in publishers) await publisher.DisposeAsync();
            publishers.Clear();
            foreach (var subscription in subscriptions) await subscription.DisposeAsync();
            subscriptions.Clear();
            return PubSubMeasurement.Build(pubsub, recorder, [.. tallies.OfType<SubscriberTally>()], ledgers, broker.ClientStats, clock.WindowEnd);
        }
        finally
        {
            foreach (var publisher in publishers) await publisher.DisposeAsync();
            foreach (var subscription in subscriptions) await subscription.DisposeAsync();
            foreach (var ledger in ledgers) ledger.Dispose();
        }
    }

    /// <summary>Runs the publishers until the window closes (or the run is cancelled), then stops them.</summary>
    private static async Task DriveAsync(
        PubSubRun run, IReadOnlyList<IBrokerPublisher> publishers, IReadOnlyList<PublishLedger> ledgers, StageReporter reporter, CancellationToken cancellationToken)
    {
        using var sends = new CancellationTokenSource();
        var loops = publishers.Select((p, i) => new PublisherLoop(run, i, p, ledgers[i], new PacingTimer())).ToList();
        var running = Task.WhenAll(loops.Select(l => Task.Run(() => l.RunAsync(sends.Token), CancellationToken.None)));
        try
        {
            await reporter.RunUntilWindowClosesAsync(cancellationToken);
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                foreach (var loop in loops) loop.Abort();
                await sends.CancelAsync();
            }
            reporter.Report(WorkloadStage.Done, Stopwatch.GetTimestamp());
            // Messages due inside the window are still sent, late if need be; a send stuck on a broker that stopped taking them is given up.
            try
            {
                await running.WaitAsync(run.Plan.Timeout, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                foreach (var loop in loops) loop.Abort();
                await sends.CancelAsync();
                await Closing.BoundedAsync(() => running);
            }
            foreach (var loop in loops) loop.Dispose();
        }
    }

    /// <summary>Waits for every confirmation and every message the broker took, up to <paramref name="limit"/>.</summary>
    private static async Task DrainAsync(PubSubRun run, IReadOnlyList<SubscriberTally> subscribers, IReadOnlyList<PublishLedger> ledgers, TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + RunClock.ToTicks(limit);
        var clock = run.Clock;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (ledgers.All(l => l.Outstanding == 0))
            {
                var sequences = ledgers.Select(l => run.SequencesDueIn(l.Index, clock.WindowStart, clock.WindowEnd)).ToList();
                var published = ledgers.Sum(l => l.Published.Count(sequences[l.Index].First, sequences[l.Index].End));
                if (subscribers.All(s => s.ReceivedInWindow(sequences) >= published)) return;
            }
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private static async Task<T> Connect<T>(string role, int index, WorkloadRun run, Func<Task<T>> connect)
    {
        try
        {
            return await connect();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var target = run.Target[index % run.Target.Count].Address;
            throw new InvalidOperationException(
                $"The pubsub driver could not connect {role} {index} to {target.Scheme}://{target.Host}:{target.Port}: {ex.Message}", ex);
        }
    }
}
