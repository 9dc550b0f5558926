using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Assay.Workloads.Tests.Servers;

/// <summary>A request as the test server read it.</summary>
internal sealed record TestRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>How the test server answers one request.</summary>
/// <param name="Chunked">Send the body with chunked transfer coding (with an extension and a trailer).</param>
/// <param name="Close">Answer with <c>Connection: close</c> and close the connection after the response.</param>
internal sealed record TestResponse(int Status = 200, string Body = "ok", TimeSpan Delay = default, bool Chunked = false, bool Close = false);

/// <summary>
/// A small HTTP/1.1 server on a raw TcpListener on 127.0.0.1, port 0, whose answers the test controls
/// (status, delay, chunked, close). It is a real server over real sockets, not a mock: the driver
/// cannot tell it from any other.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private long _requests;
    private long _accepted;
    private int _open;

    public TestHttpServer(Func<TestRequest, TestResponse> respond)
    {
        Respond = respond;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>How requests are answered; tests may swap it while a run is going.</summary>
    public Func<TestRequest, TestResponse> Respond { get; set; }

    public long Requests => Interlocked.Read(ref _requests);

    public long ConnectionsAccepted => Interlocked.Read(ref _accepted);

    public int ConnectionsOpen => Volatile.Read(ref _open);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_gate) connections = [.. _connections];
        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            lock (_gate) _connections.Add(ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        Interlocked.Increment(ref _open);
        try
        {
            using var _ = socket;
            var reader = new RequestReader(socket);
            while (await reader.ReadAsync(_stop.Token) is { } request)
            {
                Interlocked.Increment(ref _requests);
                var response = Respond(request);
                if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, _stop.Token);
                await socket.SendAsync(Encode(response, request.Method == "HEAD"), SocketFlags.None, _stop.Token);
                if (response.Close) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private static byte[] Encode(TestResponse response, bool head)
    {
        var text = new StringBuilder();
        text.Append("HTTP/1.1 ").Append(response.Status).Append(" Test\r\nContent-Type: text/plain\r\n");
        if (response.Close) text.Append("Connection: close\r\n");
        var body = Encoding.UTF8.GetBytes(response.Body);
        var noBody = head || response.Status is 204 or 304;
        if (response.Chunked)
        {
            text.Append("Transfer-Encoding: chunked\r\n\r\n");
            if (!noBody)
            {
                var half = body.Length / 2;
                if (half > 0) text.Append($"{half:x};ext=1\r\n").Append(Encoding.UTF8.GetString(body, 0, half)).Append("\r\n");
                text.Append($"{body.Length - half:X}\r\n").Append(Encoding.UTF8.GetString(body, half, body.Length - half)).Append("\r\n");
                text.Append("0\r\nX-Trailer: done\r\n\r\n");
            }
            return Encoding.UTF8.GetBytes(text.ToString());
        }
        if (response.Status is not (204 or 304)) text.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        text.Append("\r\n");
        if (!noBody) text.Append(response.Body);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads requests off one connection: head up to the blank line, then Content-Length bytes of body.</summary>
    private sealed class RequestReader(Socket socket)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _length;

        public async Task<TestRequest?> ReadAsync(CancellationToken cancellationToken)
        {
            int headEnd;
            while ((headEnd = _buffer.AsSpan(0, _length).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (!await FillAsync(cancellationToken)) return null;
            }
            var lines = Encoding.Latin1.GetString(_buffer, 0, headEnd).Split("\r\n");
            var start = lines[0].Split(' ');
            var headers = lines.Skip(1)
                .Select(l => l.Split(':', 2))
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var bodyLength = headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var total = headEnd + 4 + bodyLength;
            while (_length < total)
            {
                if (!await FillAsync(cancellationToken)) return null;
            }
            var body = Encoding.UTF8.GetString(_buffer, headEnd + 4, bodyLength);
            _buffer.AsSpan(total, _length - total).CopyTo(_buffer);
            _length -= total;
            return new TestRequest(start[0], start[1], headers, body);
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            var read = await socket.ReceiveAsync(_buffer.AsMemory(_length), SocketFlags.None, cancellationToken);
            _length += read;
            return read > 0;
        }
    }
}
