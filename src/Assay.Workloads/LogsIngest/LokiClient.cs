using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Assay.Workloads.Ingest;
using Assay.Workloads.LogsIngest.Lines;

namespace Assay.Workloads.LogsIngest;

/// <summary>
/// What a LogQL query answered: the call, and from a successful answer its result type, the series (streams, or
/// metric series) it holds, the log lines of a streams result, and the value of a one-element vector.
/// </summary>
internal sealed record LokiAnswer(HttpCallResult Call, string? Failure, string? ResultType, int Series, IReadOnlyList<string> Lines, double? SingleValue);

/// <summary>
/// Loki's HTTP API: <c>POST /loki/api/v1/push</c> (JSON streams of [nanosecond timestamp, line] pairs) and the LogQL
/// query endpoints <c>/loki/api/v1/query_range</c> and <c>/loki/api/v1/query</c>.
/// </summary>
internal sealed class LokiClient(HttpClient http, Uri baseAddress, TimeSpan timeout)
{
    /// <summary>The label every line carries, so queries (and the final count) select exactly the driver's lines.</summary>
    public const string JobSelector = "job=\"assay\"";

    /// <summary>Lines a log query returns at most, as Grafana's Explore asks for by default.</summary>
    public const int Limit = 100;

    /// <summary>Pushes <paramref name="lines"/> as streams labelled job, service and level; the request's timestamps are the lines' own.</summary>
    public async Task<HttpCallResult> PushAsync(IReadOnlyList<LogLine> lines, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/loki/api/v1/push"))
        {
            Content = new ByteArrayContent(PushBody(lines)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await HttpCall.SendAsync(http, request, timeout, cancellationToken);
    }

    /// <summary>A query over [<paramref name="end"/> − <paramref name="range"/>, <paramref name="end"/>], newest lines first.</summary>
    public async Task<LokiAnswer> QueryRangeAsync(string query, DateTimeOffset end, TimeSpan range, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/loki/api/v1/query_range?query={Uri.EscapeDataString(query)}&start={Nanoseconds(end - range)}&end={Nanoseconds(end)}&limit={Limit}&direction=backward");
        return await GetAsync(path, cancellationToken);
    }

    /// <summary>An instant query at <paramref name="time"/> (metric queries such as <c>sum(count_over_time(…))</c>).</summary>
    public async Task<LokiAnswer> QueryAsync(string query, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/loki/api/v1/query?query={Uri.EscapeDataString(query)}&time={Nanoseconds(time)}");
        return await GetAsync(path, cancellationToken);
    }

    public static long Nanoseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    /// <summary>The push body: one stream per (service, level), entries in the order given, each at its line's time plus its position in nanoseconds.</summary>
    internal static byte[] PushBody(IReadOnlyList<LogLine> lines)
    {
        var buffer = new ArrayBufferWriter<byte>(lines.Count * 320 + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("streams");
            foreach (var stream in lines.Select((line, index) => (line, index)).GroupBy(e => (e.line.Service, e.line.Level)))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("stream");
                writer.WriteString("job", "assay");
                writer.WriteString("service", stream.Key.Service);
                writer.WriteString("level", stream.Key.Level);
                writer.WriteEndObject();
                writer.WriteStartArray("values");
                foreach (var (line, index) in stream)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue((Nanoseconds(line.Timestamp) + index).ToString(CultureInfo.InvariantCulture));
                    writer.WriteStringValue(line.ToJson());
                    writer.WriteEndArray();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private async Task<LokiAnswer> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, pathAndQuery));
        var call = await HttpCall.SendAsync(http, request, timeout, cancellationToken);
        return call.Failure is not null ? new LokiAnswer(call, call.Failure, null, 0, [], null) : Parse(call);
    }

    internal static LokiAnswer Parse(HttpCallResult call)
    {
        try
        {
            using var document = JsonDocument.Parse(call.Body);
            var root = document.RootElement;
            if (!root.TryGetProperty("status", out var status) || status.GetString() != "success"
                || !root.TryGetProperty("data", out var data) || !data.TryGetProperty("resultType", out var typeElement)
                || !data.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
            {
                return new LokiAnswer(call, "query error", null, 0, [], null);
            }
            var type = typeElement.GetString();
            var lines = type == "streams"
                ? [.. result.EnumerateArray().SelectMany(s => s.GetProperty("values").EnumerateArray()).Select(v => v[1].GetString() ?? "")]
                : new List<string>();
            double? single = type == "vector" && result.GetArrayLength() == 1
                && double.TryParse(result[0].GetProperty("value")[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
            return type is "streams" or "matrix" or "vector"
                ? new LokiAnswer(call, null, type, result.GetArrayLength(), lines, single)
                : new LokiAnswer(call, "bad answer", type, 0, [], null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return new LokiAnswer(call, "bad answer", null, 0, [], null);
        }
    }
}
