using System.Globalization;
using Assay.Apps.Shared;

namespace Assay.Apps.Demo;

/// <summary><c>GET /compute?n=N</c>: a CPU-bound request whose answer is known, so two runtimes do the same work.</summary>
internal static class Compute
{
    public const int DefaultN = 10_000;
    public const int MaxN = 5_000_000;

    public static IResult Handle(string? n)
    {
        var limit = DefaultN;
        if (n is not null
            && (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxN))
        {
            return TypedResults.Json(
                new ErrorBody($"n must be a whole number from 1 to {MaxN.ToString(CultureInfo.InvariantCulture)}"),
                DemoJson.Default.ErrorBody,
                statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Json(new PrimeCountBody(limit, PrimeCounter.CountUpTo(limit)), DemoJson.Default.PrimeCountBody);
    }
}
