using System.Globalization;
using Assay.Workloads.Tests.Servers;

namespace Assay.Workloads.Tests.MetricsIngest;

/// <summary>Answers of a Prometheus-like TSDB whose series count the test chooses: to see the driver catch a wrong one.</summary>
internal static class FakeTsdb
{
    public static TestResponse Answer(TestRequest request, int count)
    {
        if (request.Path.StartsWith("/metrics", StringComparison.Ordinal))
        {
            return new TestResponse(200, string.Create(CultureInfo.InvariantCulture,
                $"prometheus_tsdb_head_samples_appended_total{{type=\"float\"}} {Environment.TickCount64}\nprometheus_tsdb_head_series {count}\n"));
        }
        if (request.Path.StartsWith("/api/v1/query", StringComparison.Ordinal))
        {
            return new TestResponse(200, string.Create(CultureInfo.InvariantCulture,
                $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1795763081.986,"{{{count}}}"]}]}}"""));
        }
        return new TestResponse(404, "not found");
    }
}
