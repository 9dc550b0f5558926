using System.Text;
using Assay.Workloads.Http;

namespace Assay.Workloads.Tests.Http;

// Every test has a timeout, and xUnit 2 enforces timeouts only on async tests: the pure ones yield once to qualify.
public class HttpResponseParserTests
{
    private const string ContentLength = "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Length: 13\r\nContent-Type: text/plain\r\n\r\nHello, World!";
    private const string Chunked = "HTTP/1.1 201 Created\r\ntransfer-encoding: gzip, Chunked\r\n\r\n"
        + "5;name=value;flag\r\nHello\r\n8 ; ext=\"quoted\"\r\n, World!\r\n0\r\nX-Checksum: abc\r\nX-Other: def\r\n\r\n";
    private const string UntilClose = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nbody that ends when the connection closes";
    private const string Interim = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    public static TheoryData<string, bool, bool, int, bool> Responses => new()
    {
        // response, HEAD request, complete only at close, status, keep-alive
        { ContentLength, false, false, 200, true },
        { Chunked, false, false, 201, true },
        { UntilClose, false, true, 200, false },
        { Interim, false, false, 200, true },
        { "HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\n", true, false, 200, true },
        { "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", false, false, 204, true },
        { "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n", false, false, 304, true },
        { "HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 4\r\n\r\noops", false, false, 500, false },
        { "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", false, false, 200, false },
        { "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok", false, false, 200, true },
        { "HTTP/1.1 200\r\ncontent-length:0\r\n\r\n", false, false, 200, true },
        { "HTTP/1.1 404 Not Found\nContent-Length: 3\n\nnop", false, false, 404, true },
    };

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(Responses))]
    public async Task Parses_a_response_in_one_read(string response, bool head, bool endsAtClose, int status, bool keepAlive)
    {
        await Task.Yield();
        var (result, reader) = Feed(Encoding.ASCII.GetBytes(response), [], head, endsAtClose);

        Assert.Equal(HttpParseResult.Complete, result);
        Assert.Equal(status, reader.StatusCode);
        Assert.Equal(keepAlive, reader.KeepAlive);
        Assert.False(reader.HasUnreadBytes);
    }

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(Responses))]
    public async Task Parses_a_response_split_across_two_reads_at_every_byte(string response, bool head, bool endsAtClose, int status, bool keepAlive)
    {
        await Task.Yield();
        var bytes = Encoding.ASCII.GetBytes(response);
        for (var split = 1; split < bytes.Length; split++)
        {
            var (result, reader) = Feed(bytes, [split], head, endsAtClose);

            Assert.True(result == HttpParseResult.Complete, $"split at {split}: {result} ({reader.Error})");
            Assert.Equal(status, reader.StatusCode);
            Assert.Equal(keepAlive, reader.KeepAlive);
        }
    }

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(Responses))]
    public async Task Parses_a_response_delivered_one_byte_at_a_time(string response, bool head, bool endsAtClose, int status, bool keepAlive)
    {
        await Task.Yield();
        var bytes = Encoding.ASCII.GetBytes(response);
        var (result, reader) = Feed(bytes, [.. Enumerable.Range(1, bytes.Length - 1)], head, endsAtClose);

        Assert.Equal(HttpParseResult.Complete, result);
        Assert.Equal(status, reader.StatusCode);
        Assert.Equal(keepAlive, reader.KeepAlive);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_body_delimited_by_the_close_is_incomplete_until_the_server_closes()
    {
        await Task.Yield();
        var reader = new ResponseReader(1024);
        reader.Begin(head: false);

        Assert.Equal(HttpParseResult.NeedMore, Receive(reader, Encoding.ASCII.GetBytes(UntilClose)));
        Assert.Equal(HttpParseResult.Complete, reader.Received(0));
        Assert.False(reader.KeepAlive);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello", "in the middle")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n", "in the middle")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Len", "in the middle")]
    [InlineData("", "before a response")]
    public async Task A_close_before_the_end_of_the_response_is_invalid(string partial, string error)
    {
        await Task.Yield();
        var reader = new ResponseReader(1024);
        reader.Begin(head: false);
        if (partial.Length > 0) Assert.Equal(HttpParseResult.NeedMore, Receive(reader, Encoding.ASCII.GetBytes(partial)));

        Assert.Equal(HttpParseResult.Invalid, reader.Received(0));
        Assert.Contains(error, reader.Error, StringComparison.Ordinal);
        Assert.False(reader.KeepAlive);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("HTTP/2 200\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 20x OK\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 099 Low\r\n\r\n", "status line")]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n", "status line")]
    [InlineData("HTTP/1.1 200 OK\r\nNoColon\r\n\r\n", "header line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", "Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc", "Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", "chunk data")]
    public async Task Bytes_that_are_not_an_HTTP_response_are_invalid(string response, string error)
    {
        await Task.Yield();
        var reader = new ResponseReader(1024);
        reader.Begin(head: false);

        Assert.Equal(HttpParseResult.Invalid, Receive(reader, Encoding.ASCII.GetBytes(response)));
        Assert.Contains(error, reader.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_header_line_longer_than_the_buffer_is_invalid()
    {
        await Task.Yield();
        var reader = new ResponseReader(64);
        reader.Begin(head: false);
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nX-Long: {new string('a', 100)}\r\n\r\n");

        var (result, _) = Feed(reader, response, [10, 20, 40, 60, 80]);

        Assert.Equal(HttpParseResult.Invalid, result);
        Assert.Contains("longer than", reader.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Bytes_after_the_end_of_the_response_are_left_unread()
    {
        await Task.Yield();
        var (result, reader) = Feed(Encoding.ASCII.GetBytes(ContentLength + "HTTP/1.1 200 OK\r\n"), [], head: false, endsAtClose: false);

        Assert.Equal(HttpParseResult.Complete, result);
        Assert.True(reader.HasUnreadBytes);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_reader_is_reusable_for_the_next_response_on_the_connection()
    {
        await Task.Yield();
        var reader = new ResponseReader(1024);
        foreach (var response in new[] { Chunked, ContentLength, Chunked })
        {
            reader.Begin(head: false);
            var (result, _) = Feed(reader, Encoding.ASCII.GetBytes(response), [7, 50]);
            Assert.Equal(HttpParseResult.Complete, result);
        }
        Assert.Equal(201, reader.StatusCode);
    }

    private static (HttpParseResult Result, ResponseReader Reader) Feed(byte[] response, int[] splits, bool head, bool endsAtClose)
    {
        var reader = new ResponseReader(1024);
        reader.Begin(head);
        var (result, _) = Feed(reader, response, splits);
        if (endsAtClose)
        {
            Assert.Equal(HttpParseResult.NeedMore, result);
            result = reader.Received(0);
        }
        return (result, reader);
    }

    /// <summary>Delivers the response in pieces cut at the split offsets, as successive socket reads would.</summary>
    private static (HttpParseResult Result, int Reads) Feed(ResponseReader reader, byte[] response, int[] splits)
    {
        var result = HttpParseResult.NeedMore;
        var reads = 0;
        var start = 0;
        foreach (var end in splits.Append(response.Length))
        {
            while (start < end && result == HttpParseResult.NeedMore)
            {
                var space = reader.ReceiveSpace().Span;
                var count = Math.Min(space.Length, end - start);
                if (count == 0) break;
                response.AsSpan(start, count).CopyTo(space);
                start += count;
                reads++;
                result = reader.Received(count);
            }
        }
        return (result, reads);
    }

    private static HttpParseResult Receive(ResponseReader reader, byte[] bytes) => Feed(reader, bytes, []).Result;
}
