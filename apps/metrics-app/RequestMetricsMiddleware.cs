using System.Diagnostics;
using System.Globalization;

namespace Assay.Apps.Metrics;

/// <summary>
/// Records every request in <see cref="SampleMetrics"/>. Labels are bounded whatever the clients send: the route
/// template instead of the raw URL (<c>unmatched</c> when no route matched) and a known method name or <c>OTHER</c>.
/// </summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, SampleMetrics metrics)
{
    public const string UnmatchedPath = "unmatched";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var originalBody = context.Response.Body;
        var countingBody = new CountingStream(originalBody);
        context.Response.Body = countingBody;
        metrics.ActiveConnections.Inc();
        var failed = false;
        try
        {
            await next(context);
            // Bytes still buffered in the response pipe must reach the counting stream before it is removed.
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            context.Response.Body = originalBody;
            metrics.ActiveConnections.Dec();
            Record(context, failed, countingBody.BytesWritten, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Record(HttpContext context, bool failed, long bodyBytes, TimeSpan elapsed)
    {
        var method = MethodLabel(context.Request.Method);
        var path = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? UnmatchedPath;
        // An exception becomes a 500 after this middleware has returned, so the status code is not set yet.
        var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;

        metrics.Requests.WithLabels(method, path, status.ToString(CultureInfo.InvariantCulture)).Inc();
        metrics.Duration.WithLabels(method, path).Observe(elapsed.TotalSeconds);
        metrics.ResponseSize.WithLabels(method, path).Observe(bodyBytes);
    }

    private static string MethodLabel(string method) =>
        HttpMethods.IsGet(method) ? "GET"
        : HttpMethods.IsPost(method) ? "POST"
        : HttpMethods.IsPut(method) ? "PUT"
        : HttpMethods.IsDelete(method) ? "DELETE"
        : HttpMethods.IsPatch(method) ? "PATCH"
        : HttpMethods.IsHead(method) ? "HEAD"
        : HttpMethods.IsOptions(method) ? "OPTIONS"
        : "OTHER";
}
