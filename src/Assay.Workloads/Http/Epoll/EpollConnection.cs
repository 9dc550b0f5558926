using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Assay.Core.Plans;
using static Assay.Workloads.Http.Epoll.Native;

namespace Assay.Workloads.Http.Epoll;

/// <summary>
/// One connection of an <see cref="EpollLoop"/>, as a state machine driven by readiness events and
/// timers: connect (non-blocking), send, receive until the response ends, then think (closed model) or
/// take the schedule's next request and wait for its due time (open model). Failures, latencies and
/// schedule keeping are recorded exactly as the Socket path records them.
/// </summary>
internal sealed class EpollConnection
{
    private enum State { Idle, Waiting, Connecting, Sending, Receiving, Sleeping }

    private const int ReceiveBufferBytes = 16 * 1024;

    private readonly EpollLoop _loop;
    private readonly HttpRun _run;
    private readonly ClosedModel? _closed;
    private readonly ScheduleRecorder? _schedule;
    private readonly int _token;
    private readonly EndPoint _endPoint;
    private readonly byte[][] _requests;
    private readonly Random _random;
    private readonly ResponseReader _reader = new(ReceiveBufferBytes);
    private BackOff _backOff;
    private State _state;
    private Socket? _socket;
    private int _descriptor = -1;
    private uint _interest;
    private int _operation;
    private int _sent;
    private long _sentAt;
    private long _deadline;
    private long _due;
    private long _freeAt;

    public EpollConnection(EpollLoop loop, int token, EndPoint endPoint, int target, int index)
    {
        _loop = loop;
        _run = loop.Run;
        _closed = _run.Plan.Model as ClosedModel;
        _schedule = _run.Recorder.Schedule;
        _freeAt = _run.Clock.Start;
        _token = token;
        _endPoint = endPoint;
        _requests = _run.Requests[target];
        _random = new Random(_run.Seed + index);
    }

    /// <summary>
    /// Takes the next request, unless the run is stopping or its window has closed: at once in the closed
    /// model, at its due time in the open one (the connection is free now, so any later send is the generator's lag).
    /// </summary>
    public void Next(long now)
    {
        if (_loop.Stopping || now >= _run.Clock.WindowEnd)
        {
            _state = State.Idle;
            return;
        }
        if (_schedule is not null)
        {
            _due = _schedule.Schedule.DueAt(_schedule.Schedule.Take());
            if (_due >= _run.Clock.WindowEnd)
            {
                _state = State.Idle;
                return;
            }
        }
        _loop.Busy++;
        if (_schedule is not null && _due > now)
        {
            _state = State.Waiting;
            _loop.WakeAt(this, _due);
            return;
        }
        Begin(now);
    }

    /// <summary>The run stopped: a request waiting for a due time past the (possibly cancelled) window is dropped.</summary>
    public void OnStop()
    {
        if (_state == State.Waiting && _due >= _run.Clock.WindowEnd)
        {
            _loop.Busy--;
            _state = State.Idle;
        }
        else if (_state == State.Sleeping)
        {
            _state = State.Idle;
        }
    }

    public void OnReady(uint events, long now)
    {
        switch (_state)
        {
            case State.Connecting:
                OnConnected(now);
                break;
            case State.Sending:
                if ((events & (EpollOut | EpollErr | EpollHup)) != 0) ContinueSend(now);
                break;
            case State.Receiving:
                Receive(now);
                break;
            default:
                // Readable while idle: the server closed a kept-alive connection (or sent something unasked).
                CloseSocket();
                break;
        }
    }

    public void OnTimer(long now)
    {
        if (_state == State.Sleeping) Next(now);
        else if (_state == State.Waiting) Begin(now);
    }

    public void CheckDeadline(long now)
    {
        if (_state is State.Connecting or State.Sending or State.Receiving && now > _deadline)
            Fail(ExchangeOutcome.Timeout, now);
    }

    public void CloseSocket()
    {
        _socket?.Dispose(); // closing the descriptor also removes it from the epoll set
        _socket = null;
        _descriptor = -1;
        _interest = 0;
    }

    private void Begin(long now)
    {
        _operation = _run.Mix.Next(_random);
        _deadline = now + _run.TimeoutTicks;
        _schedule?.RecordSend(_due, now - Math.Max(_due, _freeAt));
        if (_socket is null) Connect(now);
        else BeginSend(now);
    }

    private void Connect(long now)
    {
        var socket = new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
        _socket = socket;
        _descriptor = (int)socket.Handle;
        _state = State.Connecting;
        try
        {
            socket.Connect(_endPoint);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
            // Completes when the socket turns writable.
        }
        catch (SocketException)
        {
            Fail(ExchangeOutcome.Connection, now);
            return;
        }
        Interest(EpollIn | EpollOut);
    }

    private void OnConnected(long now)
    {
        if (_socket!.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int error && error != 0)
        {
            Fail(ExchangeOutcome.Connection, now);
            return;
        }
        BeginSend(now);
    }

    private void BeginSend(long now)
    {
        _reader.Begin(_run.IsHead[_operation]);
        _sent = 0;
        _sentAt = Stopwatch.GetTimestamp();
        ContinueSend(now);
    }

    private unsafe void ContinueSend(long now)
    {
        var request = _requests[_operation];
        nint sent;
        fixed (byte* bytes = request)
            sent = Send(_descriptor, bytes + _sent, request.Length - _sent, MsgNosignal);
        if (sent < 0)
        {
            if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != Eagain)
            {
                Fail(ExchangeOutcome.Connection, now);
                return;
            }
            sent = 0;
        }
        _sent += (int)sent;
        if (_sent < request.Length)
        {
            _state = State.Sending;
            Interest(EpollIn | EpollOut);
            return;
        }
        _state = State.Receiving;
        Interest(EpollIn);
    }

    private unsafe void Receive(long now)
    {
        var space = _reader.ReceiveSpace().Span;
        nint received;
        fixed (byte* buffer = space)
            received = Native.Receive(_descriptor, buffer, space.Length, 0);
        if (received < 0)
        {
            if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != Eagain) Fail(ExchangeOutcome.Connection, now);
            return;
        }
        var result = _reader.Received((int)received);
        if (result == HttpParseResult.NeedMore) return;
        var completedAt = Stopwatch.GetTimestamp();
        if (result == HttpParseResult.Invalid)
        {
            // A server that closes early (a stale keep-alive, a crash) is a connection failure, not bad HTTP.
            Fail(received == 0 ? ExchangeOutcome.Connection : ExchangeOutcome.Protocol, completedAt);
            return;
        }
        _loop.Busy--;
        // Open-model latency runs from the due time: waiting for a free connection counts against the server.
        _run.Recorder.RecordResponse(_operation, _reader.StatusCode, _schedule is null ? _sentAt : _due, completedAt);
        _backOff.Reset();
        if (!_reader.KeepAlive || _reader.HasUnreadBytes) CloseSocket();
        Pause(completedAt, ThinkTime());
    }

    private void Fail(ExchangeOutcome outcome, long now)
    {
        _loop.Busy--;
        _run.Recorder.RecordFailure(_operation, outcome.ToFailureKind(), now);
        CloseSocket();
        // The open model needs no back-off: its schedule paces the attempts at a dead server.
        Pause(now, outcome == ExchangeOutcome.Connection && _schedule is null ? RunClock.ToTicks(_backOff.Next()) : ThinkTime());
    }

    private void Pause(long now, long ticks)
    {
        _freeAt = now;
        if (ticks <= 0)
        {
            Next(now);
            return;
        }
        _state = State.Sleeping;
        _loop.WakeAt(this, now + ticks);
    }

    private long ThinkTime() => _closed is null || _closed.ThinkTimeMax <= TimeSpan.Zero
        ? 0
        : RunClock.ToTicks(_closed.ThinkTimeMin + ((_closed.ThinkTimeMax - _closed.ThinkTimeMin) * _random.NextDouble()));

    /// <summary>Changes what the descriptor is watched for; level-triggered, so unread data is reported again.</summary>
    private void Interest(uint events)
    {
        if (events == _interest) return;
        var change = new EpollEvent { Events = events, Data = (ulong)_token };
        EpollControl(_loop.Epoll, _interest == 0 ? EpollCtlAdd : EpollCtlMod, _descriptor, ref change);
        _interest = events;
    }
}
