using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using Assay.Core.Plans;

namespace Assay.Workloads.Kv;

/// <summary>
/// memcached's text protocol over one socket, just enough for the driver: <c>get KEY</c> (→ <c>VALUE KEY FLAGS
/// BYTES</c>, the data, <c>END</c>; or <c>END</c> alone for a miss) and <c>set KEY 0 0 BYTES</c> with the data
/// (→ <c>STORED</c>). Buffers are made once per connection; nothing is allocated per request.
/// </summary>
internal sealed class MemcachedClient : IKvClient
{
    private const int HeaderAllowance = 64;

    private readonly Socket _socket;
    private readonly TimeSpan _timeout;
    private readonly byte[] _send;
    private byte[] _receive;
    private int _start;
    private int _end;
    private CancellationTokenSource? _deadline;
    private CancellationToken _linkedTo;
    private bool _usable = true;

    private MemcachedClient(Socket socket, int valueBytes, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
        _send = new byte[valueBytes + HeaderAllowance];
        _receive = new byte[(2 * valueBytes) + (4 * HeaderAllowance)];
    }

    public bool IsUsable => _usable;

    public static async Task<IKvClient> ConnectAsync(TargetEndpoint endpoint, int valueBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var address = IPAddress.TryParse(endpoint.Address.Host, out var parsed)
            ? parsed
            : (await Dns.GetHostAddressesAsync(endpoint.Address.Host, cancellationToken)).First();
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, endpoint.Address.Port), connecting.Token);
            return new MemcachedClient(socket, valueBytes, timeout);
        }
        catch (Exception e)
        {
            socket.Dispose();
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                throw new TimeoutException($"memcached at {endpoint.Address.Authority} did not accept a connection within {timeout.TotalSeconds:0.#} s.", e);
            throw;
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>?> GetAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        var token = Begin(cancellationToken);
        try
        {
            var length = Append(0, "get "u8);
            length = Append(length, key.Span);
            length = Append(length, "\r\n"u8);
            await SendAsync(length, token);
            var (lineStart, lineLength) = await ReadLineAsync(token);
            var line = _receive.AsSpan(lineStart, lineLength);
            if (line.SequenceEqual("END"u8)) return null;
            if (!line.StartsWith("VALUE "u8)) throw Error(line);
            var bytes = LastNumber(line);
            // The data, its CRLF and "END\r\n" at once, so the data stays where it is until the next request.
            await FillAsync(bytes + 7, token);
            var data = _receive.AsMemory(_start, bytes);
            if (!_receive.AsSpan(_start + bytes, 7).SequenceEqual("\r\nEND\r\n"u8)) throw Broken("a value that does not end with END");
            _start += bytes + 7;
            return data;
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            End();
        }
    }

    public async ValueTask SetAsync(ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        var token = Begin(cancellationToken);
        try
        {
            var length = Append(0, "set "u8);
            length = Append(length, key.Span);
            length = Append(length, " 0 0 "u8);
            Utf8Formatter.TryFormat(value.Length, _send.AsSpan(length), out var written);
            length = Append(length + written, "\r\n"u8);
            length = Append(length, value.Span);
            length = Append(length, "\r\n"u8);
            await SendAsync(length, token);
            var (lineStart, lineLength) = await ReadLineAsync(token);
            var line = _receive.AsSpan(lineStart, lineLength);
            if (!line.SequenceEqual("STORED"u8)) throw Error(line);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            End();
        }
    }

    public ValueTask DisposeAsync()
    {
        _usable = false;
        _deadline?.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private int Append(int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_send.AsSpan(at));
        return at + bytes.Length;
    }

    private async ValueTask SendAsync(int length, CancellationToken token)
    {
        for (var sent = 0; sent < length;)
            sent += await _socket.SendAsync(_send.AsMemory(sent, length - sent), SocketFlags.None, token);
    }

    /// <summary>The next line (without its CRLF) as a range of the receive buffer, consumed.</summary>
    private async ValueTask<(int Start, int Length)> ReadLineAsync(CancellationToken token)
    {
        while (true)
        {
            var end = _receive.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = (_start, end);
                _start += end + 2;
                return line;
            }
            await ReceiveAsync(token);
        }
    }

    /// <summary>Reads until at least <paramref name="count"/> unread bytes are buffered.</summary>
    private async ValueTask FillAsync(int count, CancellationToken token)
    {
        while (_end - _start < count) await ReceiveAsync(token);
    }

    private async ValueTask ReceiveAsync(CancellationToken token)
    {
        if (_start == _end) _start = _end = 0;
        if (_end == _receive.Length)
        {
            // Move what is unread to the front, or grow when the buffer holds nothing else.
            var unread = _end - _start;
            var target = _start > 0 ? _receive : new byte[_receive.Length * 2];
            Buffer.BlockCopy(_receive, _start, target, 0, unread);
            _receive = target;
            _start = 0;
            _end = unread;
        }
        var received = await _socket.ReceiveAsync(_receive.AsMemory(_end), SocketFlags.None, token);
        if (received == 0) throw new IOException("memcached closed the connection.");
        _end += received;
    }

    private CancellationToken Begin(CancellationToken cancellationToken)
    {
        if (!_usable) throw new IOException("This memcached connection failed earlier and cannot be used again.");
        if (_deadline is null || _linkedTo != cancellationToken)
        {
            _deadline?.Dispose();
            _deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _linkedTo = cancellationToken;
        }
        _deadline.CancelAfter(_timeout);
        return _deadline.Token;
    }

    private void End()
    {
        // A deadline that fired (or cannot be reset) is replaced at the next request.
        if (_deadline is not null && !_deadline.TryReset())
        {
            _deadline.Dispose();
            _deadline = null;
        }
    }

    /// <summary>The failure as the client's contract names it; null to let it through (the run's own cancellation).</summary>
    private Exception? Translate(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case KvServerException:
                return null;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                _usable = false;
                return null;
            case OperationCanceledException:
                _usable = false;
                return new TimeoutException($"memcached did not answer within {_timeout.TotalSeconds:0.###} s.", exception);
            case IOException:
                _usable = false;
                return null;
            case SocketException or ObjectDisposedException:
                _usable = false;
                return new IOException($"The memcached connection failed: {exception.Message}", exception);
            default:
                _usable = false;
                return null;
        }
    }

    private int LastNumber(ReadOnlySpan<byte> line)
    {
        var space = line.LastIndexOf((byte)' ');
        if (space < 0 || !Utf8Parser.TryParse(line[(space + 1)..], out int number, out var consumed) || consumed != line.Length - space - 1 || number < 0)
            throw Broken("a VALUE line without a length");
        return number;
    }

    /// <summary>
    /// An answer that is not the expected one. SERVER_ERROR and ERROR leave the connection in step (the server waits
    /// for the next request); after CLIENT_ERROR it may read the rest of a SET as commands, and anything else is
    /// not memcached's protocol at all: those connections are closed.
    /// </summary>
    private Exception Error(ReadOnlySpan<byte> line)
    {
        var text = System.Text.Encoding.ASCII.GetString(line[..Math.Min(line.Length, 200)]);
        if (line.StartsWith("SERVER_ERROR"u8) || line.SequenceEqual("ERROR"u8)) return new KvServerException($"memcached answered: {text}");
        if (line.StartsWith("CLIENT_ERROR"u8))
        {
            _usable = false;
            return new KvServerException($"memcached answered: {text}");
        }
        return Broken($"'{text}' where a reply belongs");
    }

    private IOException Broken(string what)
    {
        _usable = false;
        return new IOException($"memcached sent {what}; the connection is out of step and is closed.");
    }
}
