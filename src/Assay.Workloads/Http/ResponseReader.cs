namespace Assay.Workloads.Http;

/// <summary>
/// A connection's receive buffer and response parser: bytes are received into the free end of the
/// buffer, parsed, and a line cut by the end of a read is kept and completed by the next read.
/// </summary>
internal sealed class ResponseReader(int bufferBytes)
{
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(bufferBytes);
    private readonly HttpResponseParser _parser = new();
    private int _start;
    private int _end;
    private string? _error;

    public int StatusCode => _parser.StatusCode;

    public bool KeepAlive => _parser.KeepAlive;

    /// <summary>Bytes received beyond the end of the response: with one request in flight the framing is off.</summary>
    public bool HasUnreadBytes => _start < _end;

    public string? Error => _error ?? _parser.Error;

    /// <summary>Forgets everything received so far and expects the response to a new request.</summary>
    public void Begin(bool head)
    {
        _parser.Reset(head);
        _start = 0;
        _end = 0;
        _error = null;
    }

    /// <summary>Where the next read goes; a partial line is first moved to the front to make room.</summary>
    public Memory<byte> ReceiveSpace()
    {
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        return _buffer.AsMemory(_end);
    }

    /// <summary>Parses what a read added; a read of zero bytes means the server closed the connection.</summary>
    public HttpParseResult Received(int count)
    {
        if (count == 0) return _parser.Finish();
        _end += count;
        var result = _parser.Parse(_buffer.AsSpan(_start, _end - _start), out var used);
        _start += used;
        if (result == HttpParseResult.NeedMore && _start == 0 && _end == _buffer.Length)
        {
            _error = $"a status or header line longer than the {_buffer.Length}-byte receive buffer";
            return HttpParseResult.Invalid;
        }
        return result;
    }
}
