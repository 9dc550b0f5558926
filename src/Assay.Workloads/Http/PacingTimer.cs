using System.Threading.Tasks.Sources;

namespace Assay.Workloads.Http;

/// <summary>
/// A reusable, allocation-free delay for one connection (think time, schedule waits, back-off), which
/// the run can interrupt when it stops. Resolution is the runtime timer's, about a millisecond.
/// </summary>
internal sealed class PacingTimer : IValueTaskSource<bool>, IDisposable
{
    private readonly Timer _timer;
    private ManualResetValueTaskSourceCore<bool> _core;
    private int _armed;
    private bool _stopped;

    public PacingTimer()
    {
        _timer = new Timer(static state => ((PacingTimer)state!).Fire(true), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Waits for <paramref name="delay"/>; false when the run stopped meanwhile.</summary>
    public ValueTask<bool> WaitAsync(TimeSpan delay)
    {
        if (Volatile.Read(ref _stopped)) return ValueTask.FromResult(false);
        if (delay <= TimeSpan.Zero) return ValueTask.FromResult(true);
        _core.Reset();
        Volatile.Write(ref _armed, 1);
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
        if (Volatile.Read(ref _stopped)) Fire(false); // a stop that raced with arming
        return new ValueTask<bool>(this, _core.Version);
    }

    /// <summary>Ends the current wait and every later one at once.</summary>
    public void Stop()
    {
        Volatile.Write(ref _stopped, true);
        Fire(false);
    }

    public void Dispose() => _timer.Dispose();

    private void Fire(bool elapsed)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1) _core.SetResult(elapsed);
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
