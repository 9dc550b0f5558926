using System.Globalization;
using System.Text.Json;
using Assay.Core.Plans;
using Assay.Workloads.Ingest;

namespace Assay.Workloads.MetricsIngest;

/// <summary>
/// What a PromQL query answered: the call, and from a successful answer its result type, how many series it holds
/// and, for a one-element vector or a scalar, that element's value. <see cref="Failure"/> says why it failed.
/// </summary>
internal sealed record PromAnswer(HttpCallResult Call, string? Failure, string? ResultType, int Series, double? SingleValue);

/// <summary>
/// The Prometheus HTTP query API (<c>/api/v1/query</c>, <c>/api/v1/query_range</c>), which Prometheus and
/// VictoriaMetrics both serve. An answer is a success only when the server says <c>"status":"success"</c>.
/// </summary>
internal sealed class PromClient(HttpClient http, Uri baseAddress, TimeSpan timeout)
{
    /// <summary>Points of a range query when the plan sets no step: about what a dashboard panel asks for.</summary>
    private const int DefaultPoints = 60;

    public Uri BaseAddress => baseAddress;

    public Task<PromAnswer> QueryAsync(PromQueryPlan query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = query.Range is { } range
            ? $"/api/v1/query_range?query={Uri.EscapeDataString(query.Query)}&start={Seconds(now - range)}&end={Seconds(now)}&step={StepSeconds(range, query.Step)}"
            : $"/api/v1/query?query={Uri.EscapeDataString(query.Query)}&time={Seconds(now)}";
        return GetAsync(path, cancellationToken);
    }

    /// <summary>The text of <c>/metrics</c>, or null when it cannot be read.</summary>
    public async Task<string?> ReadOwnMetricsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "/metrics"));
        var call = await HttpCall.SendAsync(http, request, timeout, cancellationToken);
        return call.Failure is null ? call.Body : null;
    }

    private async Task<PromAnswer> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, pathAndQuery));
        var call = await HttpCall.SendAsync(http, request, timeout, cancellationToken);
        // Prometheus answers a bad query with 400 or 422 and a JSON error: the status code is the clearer kind.
        return call.Failure is not null ? new PromAnswer(call, call.Failure, null, 0, null) : Parse(call);
    }

    internal static PromAnswer Parse(HttpCallResult call)
    {
        try
        {
            using var document = JsonDocument.Parse(call.Body);
            var root = document.RootElement;
            if (!root.TryGetProperty("status", out var status) || status.GetString() != "success"
                || !root.TryGetProperty("data", out var data) || !data.TryGetProperty("resultType", out var typeElement)
                || !data.TryGetProperty("result", out var result))
            {
                return new PromAnswer(call, "query error", null, 0, null);
            }
            var type = typeElement.GetString();
            return type switch
            {
                "scalar" => new PromAnswer(call, null, type, 1, Number(result[1])),
                "vector" or "matrix" when result.ValueKind == JsonValueKind.Array => new PromAnswer(call, null, type, result.GetArrayLength(),
                    type == "vector" && result.GetArrayLength() == 1 ? Number(result[0].GetProperty("value")[1]) : null),
                _ => new PromAnswer(call, "bad answer", type, 0, null),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return new PromAnswer(call, "bad answer", null, 0, null);
        }
    }

    private static double? Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string Seconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string StepSeconds(TimeSpan range, TimeSpan? step) =>
        Math.Max(1, Math.Round((step ?? range / DefaultPoints).TotalSeconds, 3)).ToString("0.###", CultureInfo.InvariantCulture);
}
