using System.Globalization;
using System.Text.Json;
using Assay.Workloads.Ingest;

namespace Assay.Workloads.MetricsIngest;

/// <summary>The cardinality generator's control API: <c>POST /cardinality?level=</c>, checked against the series it must then expose.</summary>
internal static class CardinalitySource
{
    /// <summary>Sets <paramref name="level"/> on every instance; throws, naming the instance and its answer, when one does not comply.</summary>
    public static async Task SetLevelAsync(HttpClient http, IReadOnlyList<Uri> sources, string level, int expectedSeries, TimeSpan timeout, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(source, $"/cardinality?level={Uri.EscapeDataString(level)}"));
            var call = await HttpCall.SendAsync(http, request, timeout, cancellationToken);
            var series = call.Failure is null ? Series(call.Body) : null;
            if (series != expectedSeries)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The cardinality generator at {source} did not switch to level '{level}' ({expectedSeries} series): it answered {(call.Failure ?? "200")} {Trim(call.Body)}. Is the source component a cardinality-generator?"));
            }
        }
    }

    private static int? Series(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("series", out var series) && series.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Trim(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
