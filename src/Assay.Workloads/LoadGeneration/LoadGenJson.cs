using System.Text.Json;
using System.Text.Json.Serialization;
using Assay.Core.Measurements;
using Assay.Core.Results;

namespace Assay.Workloads.LoadGeneration;

/// <summary>
/// The load generator protocol's JSON: Assay's compact document convention, with latency histograms
/// as their standard compressed base64 encoding.
/// </summary>
public static class LoadGenJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ResultJson.Compact);
        options.Converters.Add(new LatencyHistogramConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class LatencyHistogramConverter : JsonConverter<LatencyHistogram>
    {
        public override LatencyHistogram Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var encoded = reader.GetString() ?? throw new JsonException("A latency histogram must be a base64 string, not null.");
            try
            {
                return LatencyHistogram.Decode(encoded);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw new JsonException($"A latency histogram is not a valid HdrHistogram encoding: {e.Message}", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, LatencyHistogram value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Encode());
    }
}
