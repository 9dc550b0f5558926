using System.Globalization;
using Assay.Core.History;
using Assay.Core.Results;
using Assay.Core.Statistics;
using Assay.Reporting.Charts;
using Assay.Reporting.Text;

namespace Assay.Dashboard.Pages;

/// <summary>
/// An experiment's history as line charts: one chart per KPI, one line per variant, one point per completed
/// run (its median across trials) at the run's start time.
/// </summary>
public static class HistoryCharts
{
    /// <summary>The KPIs the history page charts.</summary>
    public static IReadOnlyList<KpiDefinition> Charted { get; } = [KpiCatalog.Throughput, KpiCatalog.LatencyP99Ms, KpiCatalog.LatencyP50Ms];

    /// <summary>One chart spec per charted KPI that any run has; <paramref name="results"/> in any order.</summary>
    public static IReadOnlyList<LineChartSpec> Build(IReadOnlyList<RunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var ordered = results.OrderBy(r => r.StartedAt).ToList();
        var variants = ordered.SelectMany(r => r.Variants.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();
        var charts = new List<LineChartSpec>();
        foreach (var kpi in Charted)
        {
            var series = variants
                .Select(name => new ChartSeries(name, [.. ordered
                    .Select(r => (r.StartedAt, Variant: r.Variants.FirstOrDefault(v => v.Name == name)))
                    .Where(p => p.Variant is not null && KpiSamples.Median(p.Variant, kpi.Name) is not null)
                    .Select(p => new ChartPoint(p.StartedAt.ToUnixTimeSeconds(), KpiSamples.Median(p.Variant!, kpi.Name)!.Value))]))
                .Where(s => s.Points.Count > 0)
                .ToList();
            if (series.Count == 0) continue;
            charts.Add(new LineChartSpec(
                $"{kpi.Name} (median of trials) per run",
                "run start (UTC)",
                kpi.Unit,
                series,
                FormatTime,
                value => Formats.Kpi(value, kpi.Unit))
            {
                // Ticks at runs, not at round numbers of seconds: a date between two runs says nothing.
                XTicks = TicksAtRuns(ordered),
            });
        }
        return charts;
    }

    /// <summary>At most four runs' start times, spread over the history (the first and the last always among them).</summary>
    private static List<double> TicksAtRuns(IReadOnlyList<RunResult> ordered)
    {
        var times = ordered.Select(r => (double)r.StartedAt.ToUnixTimeSeconds()).Distinct().ToList();
        const int most = 4;
        if (times.Count <= most) return times;
        return [.. Enumerable.Range(0, most).Select(i => times[(int)Math.Round(i * (times.Count - 1) / (double)(most - 1))])];
    }

    private static string FormatTime(double unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
