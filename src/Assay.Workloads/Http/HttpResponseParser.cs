using System.Buffers.Text;
using System.Text;

namespace Assay.Workloads.Http;

/// <summary>What one call of <see cref="HttpResponseParser.Parse"/> found.</summary>
internal enum HttpParseResult
{
    /// <summary>The response is not complete; feed more bytes (unconsumed ones again, with the new ones appended).</summary>
    NeedMore,
    /// <summary>The whole response, body included, has been read.</summary>
    Complete,
    /// <summary>The bytes are not an HTTP/1.x response; <see cref="HttpResponseParser.Error"/> says why.</summary>
    Invalid,
}

/// <summary>
/// An incremental HTTP/1.x response parser that reads just enough to know the status, whether the
/// connection stays open, and where the response ends (RFC 9112 §6.3): Content-Length, chunked
/// transfer coding (extensions and trailers skipped), or the connection closing. Bodies are skipped,
/// not kept. Lines (status, headers, chunk sizes) are only parsed once complete: when a line is cut
/// by the end of the data it consumes nothing and asks for more, so the caller keeps those bytes.
/// </summary>
internal sealed class HttpResponseParser
{
    private enum State { StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, UntilClose, Done }

    private State _state;
    private bool _head;
    private bool _http10;
    private bool _close;
    private bool _keepAliveToken;
    private bool _chunked;
    private bool _otherCoding;
    private long _contentLength;
    private long _remaining;

    public int StatusCode { get; private set; }

    /// <summary>Whether the connection can carry the next request once this response is complete.</summary>
    public bool KeepAlive => !_close && (!_http10 || _keepAliveToken);

    public string? Error { get; private set; }

    /// <summary>Prepares for the response to the next request; a HEAD request's response never has a body.</summary>
    public void Reset(bool head)
    {
        _state = State.StatusLine;
        _head = head;
        StatusCode = 0;
        Error = null;
        ResetHeaders();
    }

    public HttpParseResult Parse(ReadOnlySpan<byte> data, out int consumed)
    {
        var position = 0;
        var result = HttpParseResult.NeedMore;
        while (result == HttpParseResult.NeedMore && position < data.Length)
        {
            var rest = data[position..];
            var used = _state switch
            {
                State.Body or State.ChunkData => SkipBody(rest, ref result),
                State.UntilClose => rest.Length,
                State.Done => 0,
                _ => ParseLine(rest, ref result),
            };
            if (used == 0) break; // a line cut by the end of the data
            position += used;
        }
        consumed = position;
        return result;
    }

    /// <summary>The connection closed: completes a response delimited by the close, anything else was cut short.</summary>
    public HttpParseResult Finish()
    {
        if (_state == State.UntilClose)
        {
            _state = State.Done;
            return HttpParseResult.Complete;
        }
        _close = true;
        Error = _state == State.StatusLine && StatusCode == 0
            ? "the connection closed before a response"
            : "the connection closed in the middle of the response";
        return HttpParseResult.Invalid;
    }

    private int ParseLine(ReadOnlySpan<byte> data, ref HttpParseResult result)
    {
        var end = data.IndexOf((byte)'\n');
        if (end < 0) return 0;
        var line = data[..end];
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        var ok = _state switch
        {
            State.StatusLine => ParseStatusLine(line),
            State.Headers => line.IsEmpty ? EndHeaders(ref result) : ParseHeader(line),
            State.ChunkSize => ParseChunkSize(line),
            State.ChunkDataEnd => EndChunk(line),
            _ => EndTrailer(line, ref result),
        };
        if (!ok) result = HttpParseResult.Invalid;
        return end + 1;
    }

    private bool ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // HTTP-version SP 3DIGIT SP reason-phrase; the reason may be empty and the space before it missing.
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != (byte)' '
            || (line.Length > 12 && line[12] != (byte)' ')
            || !TryParseDecimal(line.Slice(9, 3), out var status) || status < 100)
            return Invalid($"a bad status line '{Printable(line)}'");
        _http10 = line[7] == (byte)'0';
        StatusCode = (int)status;
        _state = State.Headers;
        return true;
    }

    private bool ParseHeader(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) return Invalid($"a bad header line '{Printable(line)}'");
        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            if (!TryParseDecimal(value, out var length) || (_contentLength >= 0 && _contentLength != length))
                return Invalid($"a bad Content-Length '{Printable(value)}'");
            _contentLength = length;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            // Only the last coding frames the message; chunked must be last when present (RFC 9112 §6.3).
            var last = value[(value.LastIndexOf((byte)',') + 1)..].Trim(" \t"u8);
            _chunked = Ascii.EqualsIgnoreCase(last, "chunked"u8);
            _otherCoding = !_chunked;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
        {
            foreach (var range in value.Split((byte)','))
            {
                var token = value[range].Trim(" \t"u8);
                _close |= Ascii.EqualsIgnoreCase(token, "close"u8);
                _keepAliveToken |= Ascii.EqualsIgnoreCase(token, "keep-alive"u8);
            }
        }
        return true;
    }

    private bool EndHeaders(ref HttpParseResult result)
    {
        if (StatusCode < 200 && StatusCode != 101)
        {
            // An interim response (100 Continue, 103 Early Hints): the real one follows.
            _state = State.StatusLine;
            ResetHeaders();
            return true;
        }
        if (StatusCode == 101)
        {
            _close = true; // the connection now speaks another protocol
            return Complete(ref result);
        }
        if (_head || StatusCode is 204 or 304)
            return Complete(ref result);
        if (_chunked)
        {
            _state = State.ChunkSize;
            return true;
        }
        if (_otherCoding || _contentLength < 0)
        {
            _close = true; // the body ends when the server closes the connection
            _state = State.UntilClose;
            return true;
        }
        if (_contentLength == 0) return Complete(ref result);
        _remaining = _contentLength;
        _state = State.Body;
        return true;
    }

    private bool ParseChunkSize(ReadOnlySpan<byte> line)
    {
        // chunk-size [ BWS ";" chunk-ext ]: the extension is ignored.
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon < 0 ? line : line[..semicolon]).Trim(" \t"u8);
        if (digits.IsEmpty || digits.Length > 15
            || !Utf8Parser.TryParse(digits, out long size, out var used, 'X') || used != digits.Length)
            return Invalid($"a bad chunk size '{Printable(line)}'");
        _remaining = size;
        _state = size == 0 ? State.Trailers : State.ChunkData;
        return true;
    }

    private int SkipBody(ReadOnlySpan<byte> data, ref HttpParseResult result)
    {
        var skipped = (int)Math.Min(_remaining, data.Length);
        _remaining -= skipped;
        if (_remaining == 0)
        {
            if (_state == State.ChunkData) _state = State.ChunkDataEnd;
            else Complete(ref result);
        }
        return skipped;
    }

    private bool EndChunk(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty) return Invalid("chunk data longer than its size");
        _state = State.ChunkSize;
        return true;
    }

    private bool EndTrailer(ReadOnlySpan<byte> line, ref HttpParseResult result) =>
        !line.IsEmpty || Complete(ref result); // trailer fields are skipped; the empty line ends the message

    private bool Complete(ref HttpParseResult result)
    {
        _state = State.Done;
        result = HttpParseResult.Complete;
        return true;
    }

    private bool Invalid(string error)
    {
        Error = error;
        return false;
    }

    private void ResetHeaders()
    {
        _http10 = false;
        _close = false;
        _keepAliveToken = false;
        _chunked = false;
        _otherCoding = false;
        _contentLength = -1;
        _remaining = 0;
    }

    private static bool TryParseDecimal(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 18) return false;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit((char)digit)) return false;
            value = (value * 10) + (digit - '0');
        }
        return true;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var shown = bytes.Length > 80 ? bytes[..80] : bytes;
        var text = Encoding.ASCII.GetString(shown);
        return string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++) span[i] = char.IsControl(t[i]) ? '?' : t[i];
        });
    }
}
