using System.Globalization;

namespace Assay.Workloads.MetricsIngest;

/// <summary>
/// What a TSDB says about itself on its own <c>/metrics</c>: samples it has ingested so far (a counter) and the
/// series it holds in memory now. Prometheus: <c>prometheus_tsdb_head_samples_appended_total</c> (summed over its
/// <c>type</c> labels) and <c>prometheus_tsdb_head_series</c>. VictoriaMetrics: <c>vm_rows_added_to_storage_total</c>
/// and <c>vm_cache_entries{type="storage/hour_metric_ids"}</c>, the series that received samples this hour (what its
/// own dashboards call active series); VictoriaMetrics refreshes that figure every few seconds, so until it first
/// does, <c>vm_cache_entries{type="storage/tsid"}</c> (the series it has looked up, the same set on a fresh instance) stands in.
/// </summary>
internal sealed record TsdbFigures(string Kind, double SamplesIngested, double HeadSeries)
{
    public static TsdbFigures? Read(string metricsText)
    {
        ArgumentNullException.ThrowIfNull(metricsText);
        double? promSamples = null, promSeries = null, vmRows = null, vmHour = null, vmTsid = null;
        foreach (var raw in metricsText.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.LastIndexOf(' ');
            if (space < 0 || !double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var series = line[..space].TrimEnd();
            if (series.StartsWith("prometheus_tsdb_head_samples_appended_total", StringComparison.Ordinal) && IsName(series, "prometheus_tsdb_head_samples_appended_total"))
                promSamples = (promSamples ?? 0) + value;
            else if (series == "prometheus_tsdb_head_series") promSeries = value;
            else if (series == "vm_rows_added_to_storage_total") vmRows = value;
            else if (series == "vm_cache_entries{type=\"storage/hour_metric_ids\"}") vmHour = value;
            else if (series == "vm_cache_entries{type=\"storage/tsid\"}") vmTsid = value;
        }
        if (promSamples is { } samples && promSeries is { } head) return new TsdbFigures("prometheus", samples, head);
        if (vmRows is { } rows) return new TsdbFigures("victoria-metrics", rows, vmHour is > 0 ? vmHour.Value : vmTsid ?? 0);
        return null;
    }

    private static bool IsName(string series, string name) => series.Length == name.Length || series[name.Length] == '{';
}
