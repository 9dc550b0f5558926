using System.Text;
using Assay.Core.Plans;
using Assay.Workloads.Http;

namespace Assay.Workloads.Tests.Http;

public class HttpRequestEncoderTests
{
    private static readonly Uri Target = new("http://127.0.0.1:8080");

    [Fact(Timeout = 10_000)]
    public async Task A_GET_is_the_request_line_and_Host_only()
    {
        await Task.Yield();
        var bytes = HttpRequestEncoder.Encode(Request("GET", "/health", null), Target);

        Assert.Equal("GET /health HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n", Encoding.ASCII.GetString(bytes));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_body_gets_its_Content_Length_in_bytes_and_the_plan_headers_are_kept()
    {
        await Task.Yield();
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["content-length"] = "999" };
        var bytes = HttpRequestEncoder.Encode(Request("post", "echo", "{\"name\":\"é\"}", headers), new Uri("http://localhost:9000/api/"));

        Assert.Equal(
            "POST /api/echo HTTP/1.1\r\nHost: localhost:9000\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"name\":\"é\"}",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_POST_without_body_says_its_length_is_zero_and_a_Host_header_replaces_the_default()
    {
        await Task.Yield();
        var bytes = HttpRequestEncoder.Encode(Request("POST", "/process", null, new Dictionary<string, string> { ["Host"] = "app.local" }), Target);

        Assert.Equal("POST /process HTTP/1.1\r\nHost: app.local\r\nContent-Length: 0\r\n\r\n", Encoding.ASCII.GetString(bytes));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("GE T", "/", "X", "v")]
    [InlineData("GET", "/a b", "X", "v")]
    [InlineData("GET", "/", "Bad Name", "v")]
    [InlineData("GET", "/", "X", "line\r\nInjected: yes")]
    public async Task Requests_that_would_not_be_valid_HTTP_are_refused(string method, string path, string header, string value)
    {
        await Task.Yield();
        var request = Request(method, path, null, new Dictionary<string, string> { [header] = value });

        Assert.Throws<ArgumentException>(() => HttpRequestEncoder.Encode(request, Target));
    }

    private static HttpRequestPlan Request(string method, string path, string? body, Dictionary<string, string>? headers = null) =>
        new("r", 1, method, path, body, headers ?? [], []);
}
