using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Assay.Workloads.Http;

/// <summary>How one request on a connection ended.</summary>
internal enum ExchangeOutcome
{
    /// <summary>A complete response; its status is in <see cref="HttpConnection.StatusCode"/>.</summary>
    Response,
    /// <summary>No complete response within the timeout; the connection was closed.</summary>
    Timeout,
    /// <summary>Refused, reset, or closed by the server before the response ended.</summary>
    Connection,
    /// <summary>The server answered something that is not HTTP/1.x.</summary>
    Protocol,
}

/// <summary>
/// One keep-alive HTTP/1.1 connection with one request in flight: connects when needed, writes the
/// pre-serialized request, reads until the response ends, and reconnects after the server closes.
/// A watchdog enforces the per-request timeout by closing the socket, which aborts the pending read.
/// </summary>
internal sealed class HttpConnection(EndPoint endPoint, int receiveBufferBytes) : IDisposable
{
    private readonly ResponseReader _reader = new(receiveBufferBytes);
    // Guards the socket against the watchdog and the final abort; uncontended, so about 20 ns an exchange.
    private readonly Lock _gate = new();
    private Socket? _socket;
    private bool _connected;
    private bool _busy;
    private bool _timedOut;
    private bool _disposed;
    private long _deadline;

    public EndPoint EndPoint => endPoint;

    /// <summary>The tick just before the request's first byte was written: where closed-model latency starts.</summary>
    public long SentAt { get; private set; }

    public int StatusCode => _reader.StatusCode;

    /// <summary>Why the last exchange failed, for diagnostics.</summary>
    public string? LastError { get; private set; }

    /// <summary>Sends one request and reads its response, connecting first if needed; never throws for network failures.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ExchangeOutcome> ExchangeAsync(ReadOnlyMemory<byte> request, bool head, long timeoutTicks)
    {
        Socket socket;
        lock (_gate)
        {
            if (_disposed) return ExchangeOutcome.Connection;
            socket = _socket ??= NewSocket();
            _deadline = Stopwatch.GetTimestamp() + timeoutTicks;
            _busy = true;
        }
        var outcome = ExchangeOutcome.Connection;
        try
        {
            if (!_connected)
            {
                await socket.ConnectAsync(endPoint);
                _connected = true;
            }
            _reader.Begin(head);
            SentAt = Stopwatch.GetTimestamp();
            for (var sent = 0; sent < request.Length;)
                sent += await socket.SendAsync(request[sent..], SocketFlags.None);
            var result = HttpParseResult.NeedMore;
            var received = -1;
            while (result == HttpParseResult.NeedMore)
            {
                received = await socket.ReceiveAsync(_reader.ReceiveSpace(), SocketFlags.None);
                result = _reader.Received(received);
            }
            LastError = _reader.Error;
            // A server that closes the connection early (a stale keep-alive, a crash) is a connection failure, not bad HTTP.
            outcome = result == HttpParseResult.Complete ? ExchangeOutcome.Response
                : received == 0 ? ExchangeOutcome.Connection
                : ExchangeOutcome.Protocol;
        }
        catch (SocketException e)
        {
            LastError = e.Message;
        }
        catch (ObjectDisposedException e)
        {
            LastError = e.Message;
        }
        bool timedOut;
        lock (_gate)
        {
            _busy = false;
            timedOut = _timedOut;
            _timedOut = false;
        }
        if (timedOut)
        {
            LastError = "no complete response within the timeout";
            outcome = ExchangeOutcome.Timeout;
        }
        if (outcome != ExchangeOutcome.Response || !_reader.KeepAlive || _reader.HasUnreadBytes) Close();
        return outcome;
    }

    /// <summary>Called by the watchdog: closes the socket of an exchange that has run past its deadline.</summary>
    public void CheckDeadline(long now)
    {
        lock (_gate)
        {
            if (!_busy || _timedOut || now <= _deadline) return;
            _timedOut = true;
            _socket?.Dispose(); // aborts the pending connect, send or receive
        }
    }

    /// <summary>Closes the socket; the next exchange reconnects.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _socket?.Dispose();
            _socket = null;
            _connected = false;
        }
    }

    /// <summary>Aborts whatever the connection is doing and refuses further exchanges (the end of a run).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _socket?.Dispose();
        }
    }

    private Socket NewSocket() => new(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
}
