using Assay.Core.Statistics;
using Assay.Dashboard.Pages;
using Assay.Testing;

namespace Assay.Dashboard.Tests;

public sealed class HistoryChartsTests
{
    [Fact]
    public void Each_charted_kpi_has_a_line_per_variant_with_a_point_per_run_in_time_order()
    {
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var results = Enumerable.Range(0, 3)
            .Select(i => new RunResultBuilder { RunId = $"run-{i}", StartedAt = start.AddDays(i), Seed = i, Trials = 1, MeasuredSeconds = 2 }.Build())
            .Reverse() // newest first, as the store lists them
            .ToList();

        var charts = HistoryCharts.Build(results);

        Assert.Equal(HistoryCharts.Charted.Count, charts.Count);
        var throughput = charts[0];
        Assert.Contains(KpiCatalog.Throughput.Name, throughput.Title, StringComparison.Ordinal);
        Assert.Equal(["nginx", "caddy"], throughput.Series.Select(s => s.Name));
        foreach (var series in throughput.Series)
        {
            Assert.Equal(3, series.Points.Count);
            Assert.Equal(series.Points.OrderBy(p => p.X), series.Points);
        }
        var oldest = results[^1].Variants.Single(v => v.Name == "nginx");
        // The builder's results carry no KPI summaries (the analysis adds them), so the workload's figure is charted.
        var expected = oldest.Kpis.TryGetValue(KpiCatalog.Throughput.Name, out var kpi) ? kpi.Median : oldest.Workload.Throughput;
        Assert.Equal(expected, throughput.Series[0].Points[0].Y);
        Assert.Equal("2026-11-20 00:00", throughput.FormatX(throughput.Series[0].Points[0].X));
    }

    [Fact]
    public void The_time_axis_is_ticked_at_runs_at_most_four_first_and_last_included()
    {
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var results = Enumerable.Range(0, 7)
            .Select(i => new RunResultBuilder { RunId = $"run-{i}", StartedAt = start.AddHours(i * 5), Seed = i, Trials = 1, MeasuredSeconds = 2 }.Build())
            .ToList();

        var ticks = HistoryCharts.Build(results)[0].XTicks!;

        Assert.Equal([0, 2, 4, 6], ticks.Select(t => (int)((t - start.ToUnixTimeSeconds()) / 3600 / 5)));
    }

    [Fact]
    public void No_results_means_no_charts()
    {
        Assert.Empty(HistoryCharts.Build([]));
    }
}
