using System.Diagnostics;
using Assay.Workloads.Http;
using Assay.Workloads.PubSub.Brokers;

namespace Assay.Workloads.PubSub;

/// <summary>
/// One publisher on the open model: wait for the next message's due time, take an in-flight slot, stamp and
/// send it. The generator's lag is the time from when it could have sent (the due time, or the moment a slot
/// or the connection came free, whichever is later) to when it did; waiting for the broker is not lag, it is
/// latency, because every message's latency runs from its due time.
/// </summary>
internal sealed class PublisherLoop(PubSubRun run, int index, IBrokerPublisher publisher, PublishLedger ledger, PacingTimer timer) : IDisposable
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var body = run.Format.NewMessage();
        var freeAt = Stopwatch.GetTimestamp();
        // Every message due inside the window is sent, even once the window has closed (late, then, if the
        // generator fell behind): only a cancellation stops the loop early.
        for (long sequence = 0; sequence < run.SequenceCapacity && !cancellationToken.IsCancellationRequested; sequence++)
        {
            var due = run.DueAt(index, sequence);
            if (due >= run.Clock.WindowEnd || !await WaitUntil(due)) break;
            if (!ledger.TryEnter())
            {
                try
                {
                    await ledger.EnterAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                freeAt = Stopwatch.GetTimestamp();
            }
            var sentAt = Stopwatch.GetTimestamp();
            run.Schedule.RecordSend(due, sentAt - Math.Max(due, freeAt));
            run.Format.Write(body, index, sequence, due, withFiller: false);
            try
            {
                await publisher.SendAsync(body, sequence, due, ledger, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A broker that refuses or went away: the schedule keeps pacing the attempts, each one counted.
                ledger.Failed(sequence, due, PublishLedger.PublishFailed);
            }
            catch (OperationCanceledException)
            {
                ledger.Failed(sequence, due, PublishLedger.Unconfirmed);
                break;
            }
            freeAt = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Ends the current wait at once (a cancellation); at the planned end, waits for messages due inside the window run out.</summary>
    public void Abort() => timer.Stop();

    public void Dispose() => timer.Dispose();

    private async ValueTask<bool> WaitUntil(long due)
    {
        // The timer ticks in whole milliseconds: wait again if it woke a little early.
        for (var now = Stopwatch.GetTimestamp(); now < due; now = Stopwatch.GetTimestamp())
        {
            if (!await timer.WaitAsync(RunClock.ToTimeSpan(due - now))) return false;
        }
        return due < run.Clock.WindowEnd;
    }
}
