namespace Assay.Workloads.Http;

/// <summary>Pauses after connection failures, doubling from 10 ms to 1 s, so a dead server is not a busy loop.</summary>
internal struct BackOff
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(1);

    private TimeSpan _next;

    public TimeSpan Next()
    {
        var pause = _next == TimeSpan.Zero ? First : _next;
        _next = pause * 2 < Longest ? pause * 2 : Longest;
        return pause;
    }

    public void Reset() => _next = TimeSpan.Zero;
}
