using System.Diagnostics;
using System.Globalization;

namespace Assay.Workloads.Ingest;

/// <summary>The answer to one HTTP call: its status and body, or why there was none (<see cref="Failure"/>).</summary>
/// <param name="StartedAt">Stopwatch ticks just before the request was sent.</param>
/// <param name="CompletedAt">Stopwatch ticks when the body was read, or when the call gave up.</param>
internal sealed record HttpCallResult(int Status, string Body, string? Failure, long StartedAt, long CompletedAt)
{
    public bool Answered => Failure is null || Failure.StartsWith("status ", StringComparison.Ordinal);

    /// <summary>The latency when there was an answer; null for timeouts and connection errors, which are not latencies.</summary>
    public long? LatencyTicks => Answered ? CompletedAt - StartedAt : null;
}

/// <summary>
/// Sends one request with a timeout of its own and classifies what happened the way results name errors:
/// <c>status 503</c>, <c>timeout</c>, <c>connection</c>. Cancellation of the run is not a failure: it propagates.
/// </summary>
internal static class HttpCall
{
    public static async Task<HttpCallResult> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            var status = (int)response.StatusCode;
            var failure = response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"status {status}");
            return new HttpCallResult(status, body, failure, started, Stopwatch.GetTimestamp());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HttpCallResult(0, "", "timeout", started, Stopwatch.GetTimestamp());
        }
        catch (HttpRequestException e)
        {
            return new HttpCallResult(0, e.Message, "connection", started, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>A client for one driver run: no proxy (load stays on loopback), no cookies, no overall timeout (each call has its own).</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
