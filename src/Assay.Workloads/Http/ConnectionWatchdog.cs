using System.Diagnostics;

namespace Assay.Workloads.Http;

/// <summary>
/// Enforces the per-request timeout for all connections from one periodic check, so the hot path needs
/// no timer or cancellation source per request. A timeout fires within a tenth of the timeout late.
/// </summary>
internal sealed class ConnectionWatchdog : IDisposable
{
    private readonly PeriodicTimer? _timer;

    public ConnectionWatchdog(IReadOnlyList<HttpConnection> connections, TimeSpan timeout)
    {
        if (connections.Count == 0) return; // the epoll engine checks its own deadlines
        var period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 10, TimeSpan.FromMilliseconds(5).Ticks, TimeSpan.FromMilliseconds(100).Ticks));
        var timer = _timer = new PeriodicTimer(period);
        _ = Task.Run(async () =>
        {
            while (await timer.WaitForNextTickAsync())
            {
                var now = Stopwatch.GetTimestamp();
                foreach (var connection in connections) connection.CheckDeadline(now);
            }
        });
    }

    public void Dispose() => _timer?.Dispose();
}
