using Assay.Workloads.Ingest;
using Assay.Workloads.MetricsIngest;

namespace Assay.Workloads.Tests.MetricsIngest;

/// <summary>Reading what TSDBs answer: their own /metrics (lines as Prometheus 2.42 and VictoriaMetrics 1.79 print them) and query results.</summary>
public sealed class TsdbAnswerTests
{
    [Fact]
    public void Prometheus_figures_sum_the_sample_types_and_read_the_head_series()
    {
        const string text = """
            # HELP prometheus_tsdb_head_samples_appended_total Total number of appended samples.
            # TYPE prometheus_tsdb_head_samples_appended_total counter
            prometheus_tsdb_head_samples_appended_total{type="float"} 3021
            prometheus_tsdb_head_samples_appended_total{type="histogram"} 4
            prometheus_tsdb_head_samples_appended_total_extra 99
            prometheus_tsdb_head_series 1007
            prometheus_tsdb_head_series_created_total 1007
            """;

        Assert.Equal(new TsdbFigures("prometheus", 3025, 1007), TsdbFigures.Read(text));
    }

    [Fact]
    public void VictoriaMetrics_figures_read_rows_added_and_the_series_of_this_hour_or_until_then_its_series_lookups()
    {
        const string before = """
            vm_rows_added_to_storage_total 8064
            vm_cache_entries{type="storage/hour_metric_ids"} 0
            vm_cache_entries{type="storage/tsid"} 1008
            vm_rows_inserted_total{type="promscrape"} 8064
            """;
        const string after = """
            vm_rows_added_to_storage_total 18064
            vm_cache_entries{type="storage/hour_metric_ids"} 1008
            vm_cache_entries{type="storage/tsid"} 1010
            """;

        Assert.Equal(new TsdbFigures("victoria-metrics", 8064, 1008), TsdbFigures.Read(before));
        Assert.Equal(new TsdbFigures("victoria-metrics", 18064, 1008), TsdbFigures.Read(after));
        Assert.Null(TsdbFigures.Read("up 1\nprocess_cpu_seconds_total 3\n"));
    }

    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1795763081.986,"10000"]}]}}""", null, "vector", 1, 10000.0)]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[]}}""", null, "vector", 0, null)]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[]},{"metric":{"a":"2"},"values":[]}]}}""", null, "matrix", 2, null)]
    [InlineData("""{"status":"success","data":{"resultType":"scalar","result":[1795763081.986,"2"]}}""", null, "scalar", 1, 2.0)]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"parse error"}""", "query error", null, 0, null)]
    [InlineData("<html>not json</html>", "bad answer", null, 0, null)]
    public void A_query_answer_is_a_success_only_when_the_server_says_so(string body, string? failure, string? type, int series, double? value)
    {
        var answer = PromClient.Parse(new HttpCallResult(200, body, null, 0, 1));

        Assert.Equal((failure, type, series, value), (answer.Failure, answer.ResultType, answer.Series, answer.SingleValue));
    }
}
