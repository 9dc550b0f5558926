using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Assay.Workloads.LogsIngest.Lines;

/// <summary>
/// One access-log line as the origin lab's log generator wrote it: JSON with <c>timestamp, level, service, endpoint,
/// method, status, duration_ms, trace_id, message</c>. This file is compiled into the log-generator app as well, so
/// the driver pushes exactly the lines the app prints.
/// </summary>
internal sealed record LogLine(
    DateTimeOffset Timestamp,
    string Level,
    string Service,
    string Endpoint,
    string Method,
    int Status,
    int DurationMs,
    string TraceId,
    string Message)
{
    /// <summary>The line as one JSON object, fields in the order above, timestamp in UTC with milliseconds.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", Level);
            writer.WriteString("service", Service);
            writer.WriteString("endpoint", Endpoint);
            writer.WriteString("method", Method);
            writer.WriteNumber("status", Status);
            writer.WriteNumber("duration_ms", DurationMs);
            writer.WriteString("trace_id", TraceId);
            writer.WriteString("message", Message);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
