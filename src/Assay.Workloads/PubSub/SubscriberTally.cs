using System.Diagnostics;
using Assay.Workloads.Http;

namespace Assay.Workloads.PubSub;

/// <summary>How one delivery was classified.</summary>
internal enum Delivery
{
    /// <summary>The first copy of a message, in order.</summary>
    InOrder,
    /// <summary>The first copy of a message, after a later one of the same publisher.</summary>
    Reordered,
    /// <summary>A copy of a message this subscriber already had.</summary>
    Duplicate,
    /// <summary>Not a message of this run (wrong size, header, filler, publisher or sequence number).</summary>
    Malformed,
}

/// <summary>
/// What one subscriber received: every sequence number of every publisher it has seen (warm-up included, so a
/// late copy of a warm-up message is still a duplicate) and the highest one per publisher. One subscriber's
/// messages arrive one at a time, in the order its connection hands them over.
/// </summary>
internal sealed class SubscriberTally
{
    private readonly PubSubRun _run;
    private readonly DeliveryRecorder _recorder;
    private readonly SequenceBits[] _seen;
    private readonly long[] _highest;

    public SubscriberTally(PubSubRun run, DeliveryRecorder recorder, int index)
    {
        _run = run;
        _recorder = recorder;
        Index = index;
        _seen = [.. Enumerable.Range(0, run.Plan.Publishers).Select(_ => new SequenceBits(run.SequenceCapacity))];
        _highest = [.. Enumerable.Repeat(-1L, run.Plan.Publishers)];
    }

    public int Index { get; }

    public SequenceBits Seen(int publisher) => _seen[publisher];

    /// <summary>Checks and counts one message body as it arrives.</summary>
    public Delivery Receive(ReadOnlySpan<byte> body)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (_run.Format.Read(body, out var publisher, out var sequence, out var due) != MessageCheck.Valid
            || (uint)publisher >= (uint)_seen.Length || (ulong)sequence >= (ulong)_run.SequenceCapacity
            || due != _run.DueAt(publisher, sequence))
        {
            _recorder.Count(Delivery.Malformed, arrived, arrived);
            return Delivery.Malformed;
        }
        var delivery = !_seen[publisher].Set(sequence)
            ? Delivery.Duplicate
            : sequence < _highest[publisher] ? Delivery.Reordered : Delivery.InOrder;
        if (delivery == Delivery.InOrder) _highest[publisher] = sequence;
        _recorder.Count(delivery, due, arrived);
        return delivery;
    }

    /// <summary>Messages of the window this subscriber has (first copies), of all publishers.</summary>
    public long ReceivedInWindow(IReadOnlyList<(long First, long End)> windowSequences)
    {
        long received = 0;
        for (var p = 0; p < _seen.Length; p++) received += _seen[p].Count(windowSequences[p].First, windowSequences[p].End);
        return received;
    }

    /// <summary>Latency from the message's intended send time, in microseconds.</summary>
    public static long LatencyMicroseconds(long due, long arrived) => RunClock.ToMicroseconds(Math.Max(0, arrived - due));
}
