namespace Assay.Workloads.PubSub.Brokers;

/// <summary>
/// AMQP publisher confirms for one channel: the broker numbers the channel's publishes 1, 2, 3… and acks or
/// nacks them, one at a time or "everything up to n". Each entry is resolved once, in the ledger.
/// </summary>
internal sealed class ConfirmTracker(PublishLedger ledger)
{
    private readonly Lock _gate = new();
    private readonly Queue<(ulong Tag, long Sequence, long Due)> _pending = new();
    private readonly Dictionary<ulong, bool> _answeredEarly = [];

    /// <summary>Records a publish before it is written, so an answer that comes quickly finds it.</summary>
    public void Add(ulong tag, long sequence, long due)
    {
        lock (_gate) _pending.Enqueue((tag, sequence, due));
    }

    /// <summary>Forgets the newest entry: its write failed, and the caller reports it.</summary>
    public void RemoveLast(ulong tag)
    {
        lock (_gate)
        {
            var kept = _pending.Where(p => p.Tag != tag).ToList();
            _pending.Clear();
            foreach (var entry in kept) _pending.Enqueue(entry);
        }
    }

    public void Answer(ulong tag, bool multiple, bool acked)
    {
        lock (_gate)
        {
            if (multiple)
            {
                while (_pending.TryPeek(out var head) && head.Tag <= tag) Resolve(_pending.Dequeue(), acked);
            }
            else
            {
                _answeredEarly[tag] = acked;
            }
            while (_pending.TryPeek(out var head) && _answeredEarly.Remove(head.Tag, out var answer)) Resolve(_pending.Dequeue(), answer);
        }
    }

    /// <summary>Reports every unanswered publish as unconfirmed (the channel closed, or the run ended first).</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            while (_pending.TryDequeue(out var entry)) ledger.Failed(entry.Sequence, entry.Due, PublishLedger.Unconfirmed);
            _answeredEarly.Clear();
        }
    }

    private void Resolve((ulong Tag, long Sequence, long Due) entry, bool acked)
    {
        if (acked) ledger.Confirmed(entry.Sequence, entry.Due);
        else ledger.Failed(entry.Sequence, entry.Due, PublishLedger.PublishFailed);
    }
}
