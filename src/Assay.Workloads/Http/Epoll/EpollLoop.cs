using System.Diagnostics;
using System.Net;
using static Assay.Workloads.Http.Epoll.Native;

namespace Assay.Workloads.Http.Epoll;

/// <summary>
/// Connections served by one thread around epoll, as wrk does: level-triggered readiness,
/// one send and one receive per request, no per-request registration change, no thread pool, no async
/// machinery. It exists because the CPU a load generator spends per request is part of what the lab
/// measures; the Socket-based loops are the portable path.
/// </summary>
internal sealed class EpollLoop : IConnectionLoop
{
    private const int MaxEvents = 256;
    private const ulong WakeToken = ulong.MaxValue;

    private readonly EpollConnection[] _connections;
    private readonly PriorityQueue<EpollConnection, long> _timers = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _checkPeriod;
    private readonly int _epoll;
    private readonly int _wake;
    private readonly Lock _closing = new();
    private volatile bool _stopping;
    private volatile bool _aborting;
    private bool _closed;

    public EpollLoop(HttpRun run, IReadOnlyList<(EndPoint EndPoint, int Target, int Index)> connections)
    {
        Run = run;
        _epoll = EpollCreate(EpollCloexec);
        _wake = EventFd(0, EfdCloexec | EfdNonblock);
        if (_epoll < 0 || _wake < 0)
            throw new InvalidOperationException($"epoll is not available (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        var wake = new EpollEvent { Events = EpollIn | EpollEt, Data = WakeToken };
        EpollControl(_epoll, EpollCtlAdd, _wake, ref wake);
        _connections = [.. connections.Select((c, i) => new EpollConnection(this, i, c.EndPoint, c.Target, c.Index))];
        // Timeouts are checked by scanning, like the Socket path's watchdog: within a tenth of the timeout.
        _checkPeriod = Math.Clamp(run.TimeoutTicks / 10, Stopwatch.Frequency / 200, Stopwatch.Frequency / 10);
    }

    public HttpRun Run { get; }

    public int Epoll => _epoll;

    /// <summary>Connections with a request in flight (connecting, sending or receiving).</summary>
    public int Busy { get; set; }

    public bool Stopping => _stopping;

    public Task RunAsync()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "assay-http-epoll" };
        thread.Start();
        return _done.Task;
    }

    /// <summary>No new requests; the loop ends once the requests in flight are answered.</summary>
    public void Stop()
    {
        _stopping = true;
        Wake();
    }

    /// <summary>Ends the loop now, closing every connection.</summary>
    public void Abort()
    {
        _aborting = true;
        Wake();
    }

    public void WakeAt(EpollConnection connection, long at) => _timers.Enqueue(connection, at);

    private unsafe void Loop()
    {
        try
        {
            var events = stackalloc EpollEvent[MaxEvents];
            var now = Stopwatch.GetTimestamp();
            foreach (var connection in _connections) connection.Next(now);
            var nextCheck = now + _checkPeriod;
            var stopSeen = false;
            while (!_aborting && !(_stopping && Busy == 0))
            {
                if (_stopping && !stopSeen)
                {
                    stopSeen = true;
                    foreach (var connection in _connections) connection.OnStop();
                    if (Busy == 0) break;
                }
                var count = EpollWait(_epoll, events, MaxEvents, TimeoutMs(now, nextCheck));
                now = Stopwatch.GetTimestamp();
                for (var i = 0; i < count; i++)
                {
                    var data = events[i].Data;
                    if (data != WakeToken) _connections[(int)data].OnReady(events[i].Events, now);
                }
                while (_timers.TryPeek(out var sleeper, out var at) && at <= now)
                {
                    _timers.Dequeue();
                    sleeper.OnTimer(now);
                }
                if (now >= nextCheck)
                {
                    foreach (var connection in _connections) connection.CheckDeadline(now);
                    nextCheck = now + _checkPeriod;
                }
            }
            _done.TrySetResult();
        }
        catch (Exception e)
        {
            _done.TrySetException(e);
        }
        finally
        {
            foreach (var connection in _connections) connection.CloseSocket();
            lock (_closing)
            {
                _closed = true; // a descriptor number is reused at once: never write to it after closing
                Close(_wake);
                Close(_epoll);
            }
        }
    }

    private int TimeoutMs(long now, long nextCheck)
    {
        var until = nextCheck;
        if (_timers.TryPeek(out _, out var at) && at < until) until = at;
        var ticks = Math.Max(0, until - now);
        return (int)Math.Ceiling(ticks * 1000.0 / Stopwatch.Frequency);
    }

    private unsafe void Wake()
    {
        ulong one = 1;
        lock (_closing)
        {
            if (!_closed) Write(_wake, &one, sizeof(ulong));
        }
    }
}
