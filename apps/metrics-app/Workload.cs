using Assay.Apps.Shared;

namespace Assay.Apps.Metrics;

/// <summary>
/// The endpoints that give a dashboard or an SLO something to show: normal latency, slow requests, failures and
/// a business counter. Delays and failures come from the seeded <see cref="SampleRandom"/>.
/// </summary>
internal static class Workload
{
    public const double ErrorRate = 0.30;

    public static async Task<StatusBody> RootAsync(SampleRandom random, TimeProvider time, CancellationToken cancellationToken)
    {
        var delayMs = random.NextInclusive(10, 100);
        await Task.Delay(TimeSpan.FromMilliseconds(delayMs), time, cancellationToken);
        return new StatusBody("ok", delayMs);
    }

    public static async Task<StatusBody> SlowAsync(SampleRandom random, TimeProvider time, CancellationToken cancellationToken)
    {
        var delayMs = random.NextInclusive(500, 2000);
        await Task.Delay(TimeSpan.FromMilliseconds(delayMs), time, cancellationToken);
        return new StatusBody("ok", delayMs);
    }

    public static IResult Error(SampleRandom random) => random.Chance(ErrorRate)
        ? TypedResults.Json(new ErrorBody("injected failure"), MetricsJson.Default.ErrorBody, statusCode: StatusCodes.Status500InternalServerError)
        : TypedResults.Json(new StatusBody("ok", 0), MetricsJson.Default.StatusBody);

    public static ProcessedBody Process(SampleRandom random, SampleMetrics metrics)
    {
        var items = random.NextInclusive(1, 10);
        metrics.ItemsProcessed.Inc(items);
        return new ProcessedBody(items);
    }
}
