namespace Assay.Workloads.PubSub;

/// <summary>
/// One publisher's account of what it sent: which sequence numbers the broker took (confirmed, or written
/// where the protocol confirms nothing), which failed and why, and how many are still unconfirmed. A message
/// due while <see cref="Assay.Core.Plans.PubSubWorkloadPlan.MaxInFlight"/> are unconfirmed waits for a free slot.
/// Confirmations may come from any thread.
/// </summary>
internal sealed class PublishLedger : IDisposable
{
    public const string Unconfirmed = "unconfirmed";
    public const string PublishFailed = "publish";

    private readonly PubSubRun _run;
    private readonly SemaphoreSlim _slots;
    private readonly int _maxInFlight;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _windowFailures = new(StringComparer.Ordinal);
    private long _windowPublished;
    private long _warmUpPublished;

    public PublishLedger(PubSubRun run, int index)
    {
        _run = run;
        Index = index;
        _maxInFlight = run.Plan.MaxInFlight;
        _slots = new SemaphoreSlim(_maxInFlight, _maxInFlight);
        Published = new SequenceBits(run.SequenceCapacity);
    }

    public int Index { get; }

    /// <summary>The sequence numbers the broker took.</summary>
    public SequenceBits Published { get; }

    public int Outstanding => _maxInFlight - _slots.CurrentCount;

    public long WindowPublished => Volatile.Read(ref _windowPublished);

    public long WarmUpPublished => Volatile.Read(ref _warmUpPublished);

    /// <summary>Takes a slot for the next message at once when one is free.</summary>
    public bool TryEnter() => _slots.Wait(0);

    public Task EnterAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Confirmed(long sequence, long due)
    {
        Published.Set(sequence);
        if (_run.InWindow(due)) Interlocked.Increment(ref _windowPublished);
        else if (due < _run.Clock.WindowStart) Interlocked.Increment(ref _warmUpPublished);
        _slots.Release();
    }

    public void Failed(long sequence, long due, string kind)
    {
        if (_run.InWindow(due))
        {
            lock (_gate) _windowFailures[kind] = _windowFailures.GetValueOrDefault(kind) + 1;
        }
        _slots.Release();
    }

    /// <summary>Failed publishes of the window by cause.</summary>
    public IReadOnlyDictionary<string, long> WindowFailures()
    {
        lock (_gate) return new Dictionary<string, long>(_windowFailures, StringComparer.Ordinal);
    }

    /// <summary>Waits until every sent message is confirmed or failed, or the deadline passes.</summary>
    public async Task<bool> WaitSettledAsync(long deadline, CancellationToken cancellationToken)
    {
        while (Outstanding > 0)
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() >= deadline) return false;
            await Task.Delay(5, cancellationToken);
        }
        return true;
    }

    public void Dispose() => _slots.Dispose();
}
